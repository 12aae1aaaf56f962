import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdit, type Edit, type LineFields } from '../../shared/core/edits';
import type { LineItem, Workbook } from '../../shared/core/model';
import { lineFields, sameParts, unitPart } from '../../shared/core/units/part';
import { mergeChanges, mergedWorkbook, type Resolutions } from '../../shared/core/units/merge';
import { UserError } from '../../main/io/userError';
import { applyMerge, planFileMerge, readUnitFile } from '../../main/units/unitFiles';
import { WorkbookFile } from '../../main/workbook/file';
import { runBudget } from '../helpers/cli';
import { useTempDir } from '../workbook/tempDir';
import { UNIT_A, UNIT_B, UNIT_C, createDepartment, departmentWorkbook, fingerprint, split, withFile } from './departments';

function merge(deptPath: string, unitPaths: string[], resolutions: Resolutions = {}) {
  const units = unitPaths.map((p) => readUnitFile(p));
  return withFile(deptPath, (dept) => {
    const merges = planFileMerge(dept, units);
    return { merges, result: applyMerge(dept, merges, resolutions), workbook: dept.workbook(), revision: dept.snapshot().revision };
  });
}

const read = (path: string) => withFile(path, (f) => f.workbook());
const linesOf = (wb: Workbook, unit: string) => wb.lines.filter((l) => l.unit === unit);
const newLine = (unit: string, amount: number): LineFields => ({ unit, functionCode: '2010301', economicCode: '30201', kind: '基本支出', source: '一般公共预算财政拨款', project: '', amount });

describe('split → edit in two unit files at once → merge both', () => {
  const temp = useTempDir();

  it('the department equals the workbook with both units’ edits, applied as one undoable edit', () => {
    const dir = temp();
    const deptPath = createDepartment(dir);
    const before = read(deptPath);
    const aPath = split(deptPath, UNIT_A, join(dir, 'a.budget'));
    const bPath = split(deptPath, UNIT_B, join(dir, 'b.budget'));

    // Both accountants work at the same time, each in the unit's own file.
    const a = WorkbookFile.open(aPath);
    const b = WorkbookFile.open(bPath);
    const [a1, a2] = linesOf(a.workbook(), UNIT_A);
    const [b1] = linesOf(b.workbook(), UNIT_B);
    const projectA = a.workbook().projects[0];
    expect(a.workbook().lines.every((l) => l.unit === UNIT_A)).toBe(true);
    const aEdits: Edit[] = [
      { op: 'updateLines', changes: [{ id: a1.id, set: { amount: a1.amount + 12_345 } }] },
      { op: 'deleteLines', ids: [a2.id] },
      { op: 'setProjects', projects: [{ ...projectA, overview: '单位改写的概况' }] },
    ];
    for (const e of aEdits) a.edit(e);
    a.edit({ op: 'insertLines', lines: [newLine(UNIT_A, 88_800)] });
    b.edit({ op: 'updateLines', changes: [{ id: b1.id, set: { economicCode: '30299', note: '单位改了科目' } }] });
    b.edit({ op: 'insertLines', lines: [newLine(UNIT_B, 100), newLine(UNIT_B, 200)] });
    a.close();
    b.close();

    const { result } = merge(deptPath, [aPath, bPath]);
    expect(result).not.toBeNull();
    const next = before.lines.reduce((m, l) => Math.max(m, l.id), 0) + 1;
    const expected = applyEdit(before, {
      op: 'batch',
      edits: [
        ...aEdits.slice(0, 2),
        { op: 'setProjects', projects: before.projects.map((p) => (p.name === projectA.name ? { ...p, overview: '单位改写的概况' } : p)) },
        { op: 'updateLines', changes: [{ id: b1.id, set: { economicCode: '30299', note: '单位改了科目' } }] },
        { op: 'insertLines', lines: [newLine(UNIT_A, 88_800), newLine(UNIT_B, 100), newLine(UNIT_B, 200)].map((l, i) => ({ ...l, id: next + i })) },
      ],
    }).workbook;
    expect(read(deptPath)).toEqual(expected);

    withFile(deptPath, (dept) => {
      expect(dept.undo()).not.toBeNull();
      expect(dept.workbook()).toEqual(before);
    });
  });

  it('merging the same file again changes nothing; a unit file made again from the merged department equals the unit’s file', () => {
    const dir = temp();
    const deptPath = createDepartment(dir);
    const aPath = split(deptPath, UNIT_A, join(dir, 'a.budget'));
    withFile(aPath, (a) => {
      const [l1, l2] = a.workbook().lines;
      a.edit({ op: 'updateLines', changes: [{ id: l1.id, set: { amount: 1, basis: '=1/100' } }] });
      a.edit({ op: 'deleteLines', ids: [l2.id] });
      a.edit({ op: 'insertLines', lines: [newLine(UNIT_A, 5), newLine(UNIT_A, 5)] });
    });
    const first = merge(deptPath, [aPath]);
    expect(first.result).not.toBeNull();
    const afterFirst = fingerprint(deptPath);

    const second = merge(deptPath, [aPath]);
    expect(second.result).toBeNull();
    expect(second.merges[0].conflicts).toEqual([]);
    expect(second.revision).toBe(first.revision);
    expect(fingerprint(deptPath)).toBe(afterFirst);

    const again = split(deptPath, UNIT_A, join(dir, 'a2.budget'));
    const unitFile = read(aPath);
    const remade = read(again);
    expect(sameParts(unitPart(remade, UNIT_A), unitPart(unitFile, UNIT_A))).toBe(true);
    expect({ ...remade, lines: [], projects: [] }).toEqual({ ...unitFile, lines: [], projects: [] });
  });
});

describe('merge refuses, and changes neither file', () => {
  const temp = useTempDir();

  function expectRefused(deptPath: string, unitPaths: string[], message: RegExp): void {
    const prints = [deptPath, ...unitPaths].map(fingerprint);
    expect(() => merge(deptPath, unitPaths)).toThrow(message);
    try {
      merge(deptPath, unitPaths);
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
    }
    expect([deptPath, ...unitPaths].map(fingerprint)).toEqual(prints);
  }

  it('a unit file of another department', () => {
    const dir = temp();
    const deptPath = createDepartment(dir);
    const other = createDepartment(dir, 'other.budget', departmentWorkbook('另一个部门'));
    const unit = split(other, UNIT_A, join(dir, 'a.budget'));
    expectRefused(deptPath, [unit], /^a\.budget 是“另一个部门”的单位工作簿，不属于“基准测试部门”，不能合并。$/);
  });

  it('a unit file of another year', () => {
    const dir = temp();
    const deptPath = createDepartment(dir);
    const other = createDepartment(dir, '2026.budget', departmentWorkbook('基准测试部门', 2026));
    const unit = split(other, UNIT_A, join(dir, 'a.budget'));
    expectRefused(deptPath, [unit], /^a\.budget 是 2026 年的单位工作簿，部门工作簿是 2025 年的，不能合并。$/);
  });

  it('a unit file of another file of the same department and year, and of a department whose year was changed since', () => {
    const dir = temp();
    const deptPath = createDepartment(dir);
    const copy = createDepartment(dir, 'copy.budget');
    const unit = split(copy, UNIT_A, join(dir, 'a.budget'));
    expectRefused(deptPath, [unit], /^a\.budget 是从另一份“基准测试部门”工作簿导出的，不是从这份部门工作簿导出的，不能合并。/);
    const own = split(deptPath, UNIT_A, join(dir, 'own.budget'));
    withFile(deptPath, (d) => d.edit({ op: 'setMeta', department: '基准测试部门', year: 2026 }));
    expectRefused(deptPath, [own], /^own\.budget 是 2025 年的单位工作簿，部门工作簿现在是 2026 年的，不能合并。请从部门工作簿重新导出/);
  });

  it('a unit file made before the department took another catalog edition', () => {
    const dir = temp();
    const deptPath = createDepartment(dir);
    const unit = split(deptPath, UNIT_A, join(dir, 'a.budget'));
    withFile(deptPath, (d) => d.edit({ op: 'setCatalogEdition', kind: 'economic', edition: { edition: 2026, rows: [{ code: '301', name: '工资福利支出' }] } }));
    expectRefused(deptPath, [unit], /^a\.budget 的经济分类按内置科目表编制，部门工作簿已改用2026 年版科目表，不能合并。请从部门工作簿重新导出/);
  });

  it('a file that is not a unit file: a department’s workbook, and a file that is no workbook at all', () => {
    const dir = temp();
    const deptPath = createDepartment(dir);
    const other = createDepartment(dir, 'other.budget');
    expectRefused(deptPath, [other], /^other\.budget 不是单位工作簿（不是用“导出单位工作簿”或 budget split 从部门工作簿生成的），不能合并。$/);
    const text = join(dir, 'notes.budget');
    writeFileSync(text, '这不是工作簿');
    expectRefused(deptPath, [text], /^notes\.budget 不是预算工作簿文件/);
  });

  it('a unit the department no longer has', () => {
    const dir = temp();
    const deptPath = createDepartment(dir);
    const unit = split(deptPath, UNIT_C, join(dir, 'c.budget'));
    withFile(deptPath, (d) => {
      const wb = d.workbook();
      d.edit({ op: 'batch', edits: [{ op: 'deleteLines', ids: linesOf(wb, UNIT_C).map((l) => l.id) }, { op: 'setUnits', units: wb.units.filter((u) => u.name !== UNIT_C) }] });
    });
    expectRefused(deptPath, [unit], /^c\.budget 的单位“所属单位0002”在部门工作簿中没有登记（可能已删除或改名），不能合并。/);
  });

  it('the same unit twice in one merge', () => {
    const dir = temp();
    const deptPath = createDepartment(dir);
    const one = split(deptPath, UNIT_B, join(dir, 'b1.budget'));
    const two = split(deptPath, UNIT_B, join(dir, 'b2.budget'));
    expectRefused(deptPath, [one, two], /^b1\.budget 与 b2\.budget 是同一单位“所属单位0001”的工作簿，一次合并中每个单位只能有一个文件。/);
  });

  it('a unit file as the department, and a department file given to split as a unit', () => {
    const dir = temp();
    const deptPath = createDepartment(dir);
    const unit = split(deptPath, UNIT_A, join(dir, 'a.budget'));
    const prints = [deptPath, unit].map(fingerprint);
    const r = runBudget(['merge', unit, deptPath]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('错误：a.budget 是单位“本级”的工作簿，不是部门工作簿：单位工作簿只能合并到部门工作簿中。\n');
    expect([deptPath, unit].map(fingerprint)).toEqual(prints);
    expect(runBudget(['split', unit, '--unit', UNIT_A, '--out', join(dir, 'x.budget')]).stderr).toBe(
      '错误：a.budget 本身是单位“本级”的工作簿，不是部门工作簿：请从部门工作簿导出单位工作簿。\n',
    );
  });
});

describe('conflicts: lines and projects both sides changed since the unit file was made', () => {
  const temp = useTempDir();

  /** A department and a unit file of 本级 in which both changed the same line and the same project, differently. */
  function conflicting(dir: string) {
    const deptPath = createDepartment(dir);
    const unitPath = split(deptPath, UNIT_A, join(dir, 'a.budget'));
    const line = linesOf(read(deptPath), UNIT_A)[0];
    const projectA = read(deptPath).projects[0];
    withFile(deptPath, (d) => {
      d.edit({ op: 'updateLines', changes: [{ id: line.id, set: { amount: 111 } }] });
      d.edit({ op: 'setProjects', projects: d.workbook().projects.map((p) => (p.name === projectA.name ? { ...p, plan: '部门的计划' } : p)) });
    });
    withFile(unitPath, (u) => {
      u.edit({ op: 'updateLines', changes: [{ id: line.id, set: { amount: 222 } }] });
      u.edit({ op: 'setProjects', projects: [{ ...projectA, plan: '单位的计划' }] });
    });
    return { deptPath, unitPath, line, projectA };
  }

  it('on the command line: both sides listed, exit 1, nothing changed', () => {
    const { deptPath, unitPath, line, projectA } = conflicting(temp());
    const prints = [deptPath, unitPath].map(fingerprint);
    const r = runBudget(['merge', deptPath, unitPath]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`  冲突：明细 #${line.id} 本级｜`);
    expect(r.stdout).toContain('    部门（mine）：#');
    expect(r.stdout).toMatch(/ {4}部门（mine）：#\d+ .*｜1\.11 元\n {4}单位（theirs）：#\d+ .*｜2\.22 元/);
    expect(r.stdout).toContain(`  冲突：项目“${projectA.name}”`);
    expect(r.stderr).toBe('有 2 处冲突（见上），未合并，dept.budget 没有改动。请用 --resolve mine 或 --resolve theirs 指定怎样处理，或在预算编制工作台中逐条决定。\n');
    expect([deptPath, unitPath].map(fingerprint)).toEqual(prints);
  });

  it('--resolve mine keeps the department’s side', () => {
    const { deptPath, unitPath, line, projectA } = conflicting(temp());
    const before = read(deptPath);
    const r = runBudget(['merge', deptPath, unitPath, '--resolve', 'mine']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('没有需要合并的变化');
    const after = read(deptPath);
    expect(after).toEqual(before);
    expect(after.lines.find((l) => l.id === line.id)!.amount).toBe(111);
    expect(after.projects.find((p) => p.name === projectA.name)!.plan).toBe('部门的计划');
  });

  it('--resolve theirs takes the unit’s side', () => {
    const { deptPath, unitPath, line, projectA } = conflicting(temp());
    const r = runBudget(['merge', deptPath, unitPath, '--resolve', 'theirs']);
    expect(r).toMatchObject({ status: 0, stdout: expect.stringContaining('已合并到 dept.budget（一次修改，可撤销）。') });
    const after = read(deptPath);
    expect(after.lines.find((l) => l.id === line.id)!.amount).toBe(222);
    expect(after.projects.find((p) => p.name === projectA.name)!.plan).toBe('单位的计划');
  });

  it('both: the department’s line stays and the unit’s comes in beside it', () => {
    const { deptPath, unitPath, line } = conflicting(temp());
    const units = [readUnitFile(unitPath)];
    withFile(deptPath, (dept) => {
      const merges = planFileMerge(dept, units);
      const [lineConflict] = merges[0].conflicts;
      const before = dept.workbook();
      const changes = mergeChanges(before, merges, { byKey: { [lineConflict.key]: 'both' }, all: 'mine' });
      const after = mergedWorkbook(before, changes);
      const amounts = (wb: Workbook) => wb.lines.filter((l: LineItem) => lineFields(l).unit === UNIT_A && l.functionCode === line.functionCode && l.economicCode === line.economicCode && l.kind === line.kind && l.source === line.source && l.project === line.project).map((l) => l.amount);
      expect(amounts(after).sort()).toEqual([111, 222]);
      expect(applyMerge(dept, merges, { byKey: { [lineConflict.key]: 'both' }, all: 'mine' })).not.toBeNull();
      expect(amounts(dept.workbook()).sort()).toEqual([111, 222]);
    });
  });
});

describe('the department’s frame after the unit file was made', () => {
  const temp = useTempDir();

  it('a department renamed since: merged, and said so', () => {
    const dir = temp();
    const deptPath = createDepartment(dir);
    const unitPath = split(deptPath, UNIT_A, join(dir, 'a.budget'));
    withFile(deptPath, (d) => d.edit({ op: 'setMeta', department: '城市运行管理中心', year: 2025 }));
    withFile(unitPath, (u) => u.edit({ op: 'insertLines', lines: [newLine(UNIT_A, 300)] }));
    const { merges, result } = merge(deptPath, [unitPath]);
    expect(merges[0].notes).toEqual(['部门名称已由“基准测试部门”改为“城市运行管理中心”。']);
    expect(result).not.toBeNull();
  });

  it('a unit renamed in the department: merged under its new name, and said so', () => {
    const dir = temp();
    const deptPath = createDepartment(dir);
    const unitPath = split(deptPath, UNIT_B, join(dir, 'b.budget'));
    withFile(deptPath, (d) => {
      const wb = d.workbook();
      d.edit({
        op: 'batch',
        edits: [
          { op: 'setUnits', units: wb.units.map((u) => (u.name === UNIT_B ? { ...u, name: '城管执法中队' } : u)) },
          { op: 'updateLines', changes: linesOf(wb, UNIT_B).map((l) => ({ id: l.id, set: { unit: '城管执法中队' } })) },
        ],
      });
    });
    withFile(unitPath, (u) => u.edit({ op: 'insertLines', lines: [newLine(UNIT_B, 4_200)] }));
    const { merges } = merge(deptPath, [unitPath]);
    expect(merges[0].unit).toBe('城管执法中队');
    expect(merges[0].notes).toEqual(['单位“所属单位0001”在部门工作簿中已改名为“城管执法中队”，按“城管执法中队”合并。']);
    const after = read(deptPath);
    expect(linesOf(after, UNIT_B)).toEqual([]);
    expect(linesOf(after, '城管执法中队').at(-1)).toMatchObject({ ...newLine('城管执法中队', 4_200) });
  });

  it('in a unit file the frame is read-only and every line is the unit’s', () => {
    const dir = temp();
    const unitPath = split(createDepartment(dir), UNIT_A, join(dir, 'a.budget'));
    withFile(unitPath, (u) => {
      expect(() => u.edit({ op: 'setUnits', units: [] })).toThrow('修改未保存：这是单位“本级”的工作簿：单位及类型由部门“基准测试部门”确定，只能在部门工作簿中修改。');
      expect(() => u.edit({ op: 'insertLines', lines: [newLine(UNIT_C, 1)] })).toThrow('修改未保存：这是单位“本级”的工作簿：只能录入本单位的明细，单位名称应为“本级”。');
      expect(() => u.edit({ op: 'updateLines', changes: [{ id: u.workbook().lines[0].id, set: { unit: UNIT_C } }] })).toThrow(/不能改为其他单位/);
      expect(u.snapshot().revision).toBe(0);
    });
  });
});
