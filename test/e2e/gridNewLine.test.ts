import { describe, expect, it } from 'vitest';
import { sessionPerTest } from './browser';
import { holdNextCall, imeType, lineCount } from './grid';

/**
 * A line typed into the empty row while the file has not yet said which id it got: however the
 * keys and the file's answer interleave, it stays one line.
 */
describe('明细: a new line typed while the file answers late', () => {
  // A short window: the new line is below what is drawn while the grid is at the top.
  const open = sessionPerTest({ viewport: { width: 1440, height: 560 } });

  it('the answer arrives between two cells (the focus is moving to the new line as the next keys come): one line', async () => {
    const s = await open();
    const { page } = s;
    await page.locator('[row-id="1"] [col-id="unit"]').click();
    await page.keyboard.press('Control+Home');
    await page.locator('[row-id="bottomnew"] [col-id="unit"]').click();
    await imeType(page, 'shanghai', '上海');
    const hold = await holdNextCall(page, 'insertLines');
    // The page runs slower than the keys come (as on a busy machine): the moment when the focus is on its way widens.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    await page.keyboard.press('Tab');
    await hold.seen;
    // The answer comes once the next cell has the keys but nothing is typed in it yet …
    hold.release();
    // … and the keys follow at once, as soon as the grid starts for the new line (its focus leaves the
    // empty row, or the line is drawn).
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const moving = () =>
            !document.querySelector('[row-id="bottomnew"] [col-id="functionCode"]')?.classList.contains('ag-cell-focus') || document.querySelector('[row-id="31"]') !== null;
          if (moving()) return resolve();
          const watch = new MutationObserver(() => {
            if (!moving()) return;
            watch.disconnect();
            resolve();
          });
          watch.observe(document.body, { subtree: true, attributes: true, childList: true });
        }),
    );
    await page.keyboard.type('2120199');
    await page.keyboard.press('Tab');
    await page.keyboard.type('30201');
    await page.keyboard.press('Tab');
    await page.keyboard.type('xm');
    await page.keyboard.press('Enter');
    await hold.stop();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
    // Once the last value is in the file, so is every line the keys made (the calls go in the keys' order).
    await expect.poll(() => s.host.file.workbook().lines.at(-1)).toMatchObject({ unit: '上海市宝山区城市运行管理中心', functionCode: '2120199', economicCode: '30201', kind: '项目支出' });
    expect(s.host.file.workbook().lines.length).toBe(31);
    await expect.poll(() => lineCount(page)).toBe('明细 31 行');
  });
});
