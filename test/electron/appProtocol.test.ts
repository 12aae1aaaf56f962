import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl } from '../../main/electron/appOrigin';
import { appFilePath, serveAppRequest } from '../../main/electron/appProtocol';
import { CONTENT_SECURITY_POLICY } from '../../shared/contract/csp';

const base = mkdtempSync(join(tmpdir(), 'budget-app-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>预算</title>');
writeFileSync(join(root, 'assets', 'index-1.js'), 'console.log(1)');
writeFileSync(join(base, 'secret.txt'), 'not for the screen');
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serveAppRequest(root, { url, method });

describe('the app:// scheme', () => {
  it('serves the screen’s files with their type and the CSP header', async () => {
    const page = await get(APP_ENTRY_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('预算');
    const script = await get('app://budget/assets/index-1.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('serves index.html for the bare origin', async () => {
    expect((await get('app://budget/')).status).toBe(200);
  });

  it('serves nothing outside the screen’s folder', async () => {
    for (const url of ['app://budget/../secret.txt', 'app://budget/%2e%2e/secret.txt', 'app://budget/assets/%2e%2e%2f%2e%2e%2fsecret.txt', 'app://budget/..%5csecret.txt']) {
      const r = await get(url);
      expect(r.status, url).toBe(404);
      expect(await r.text()).not.toContain('not for the screen');
    }
    expect(appFilePath(root, 'app://budget/%2e%2e%2fsecret.txt')).toBeNull();
  });

  it('answers 404 for other hosts, missing files, bad escapes and anything but GET', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('https://budget/index.html')).status).toBe(404);
    expect((await get('app://budget/missing.js')).status).toBe(404);
    expect((await get('app://budget/%E0%A4%A')).status).toBe(404);
    expect((await get(APP_ENTRY_URL, 'POST')).status).toBe(404);
  });

  it('knows its own URLs by scheme and host', () => {
    expect(isAppUrl('app://budget/index.html')).toBe(true);
    expect(isAppUrl('APP://BUDGET/x')).toBe(true);
    expect(isAppUrl('app://budget.evil.com/')).toBe(false);
    expect(isAppUrl('https://budget/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
