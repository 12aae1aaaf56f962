import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../shared/core/checks/index';
import { applyEdit, type Edit } from '../../shared/core/edits';
import { LiveWorkbook } from '../../shared/core/live/liveWorkbook';
import { sampleWorkbook } from '../../shared/core/sample/sample';

describe('LiveWorkbook’s 项目 findings', () => {
  it('keep their order when a project’s money changes: the same list, in the same order, as checking afresh', () => {
    const sample = sampleWorkbook();
    const projectLine = sample.lines.find((l) => l.kind === '项目支出')!;
    // a second project without a record, on a line after the sample's
    const wb = applyEdit(sample, { op: 'insertLines', lines: [{ ...projectLine, id: 9_001, project: '新增的项目' }] }).workbook;
    const unrecorded = (findings: readonly { rule: string; place?: unknown }[]) =>
      findings.filter((f) => f.rule === 'P-NO-RECORD').map((f) => (f.place as { project: string }).project);
    const first = unrecorded(checkWorkbook(wb))[0];
    const lines = wb.lines.filter((l) => l.kind === '项目支出' && l.project === first);
    // a project of one line: its line leaving and coming back must not move it to the end of the list
    expect(lines).toHaveLength(1);
    const live = new LiveWorkbook(wb);
    live.findings();
    const edit: Edit = { op: 'updateLines', changes: [{ id: lines[0].id, set: { amount: lines[0].amount + 100 } }] };
    live.apply(edit);
    const afresh = checkWorkbook(applyEdit(wb, edit).workbook);
    expect(unrecorded(afresh)).toEqual([first, '新增的项目']);
    expect([...live.findings()]).toEqual(afresh);
  });
});
