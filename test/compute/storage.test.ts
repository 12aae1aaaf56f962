import Database from 'better-sqlite3';
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkbookFile } from '../../main/workbook/file';
import { migrate, newDatabase, openDatabase } from '../../main/workbook/openFile';
import { MIGRATIONS } from '../../main/workbook/schema';
import { WorkbookContent } from '../../main/workbook/content';
import { planSteps } from '../../shared/core/compute/apply';
import { computePlan } from '../../shared/core/compute/propose';
import { emptyCompute } from '../../shared/core/compute/model';
import { exampleCompute } from '../../shared/core/compute/standards';
import { emptySchedules } from '../../shared/core/schedules/model';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { parseCall } from '../../shared/contract/calls';
import { useTempDir } from '../workbook/tempDir';
import { runs } from '../helpers/runs';
import { setupArb, userLinesArb, workbook } from './arbitraries';
import { workedUnit } from './workedUnit';

const temp = useTempDir();

describe('人员与标准 and the schedules in the workbook file', () => {
  it('are kept: the sample’s standards, a computed apply as one undo step, all surviving a reopen', () => {
    const path = join(temp(), 'a.budget');
    WorkbookFile.create(path, workedUnit()).close();
    let file = WorkbookFile.open(path);
    expect(file.workbook()).toEqual(workedUnit());
    const before = file.workbook();
    const plan = computePlan(before);
    file.edit({ op: 'batch', edits: planSteps(plan) });
    const schedules = { ...emptySchedules(), services: [{ unit: '示例局', project: '', economicCode: '30201', category: '政府履职辅助性服务', content: '档案整理', amount: 5_000_00, provider: '企业' }] };
    file.edit({ op: 'setSchedules', schedules });
    const after = file.workbook();
    expect(after.lines).toHaveLength(8);
    file.close();
    file = WorkbookFile.open(path);
    expect(file.workbook()).toEqual(after);
    file.undo();
    file.undo();
    file.close();
    file = WorkbookFile.open(path);
    expect(file.workbook()).toEqual(before);
    expect(file.workbook().schedules).toBeUndefined();
    file.redo();
    expect(file.workbook().lines).toHaveLength(8);
    file.close();
  });

  it.each([
    ['the first format', false],
    ['the second format (with checksums, before 人员与标准)', true],
  ])('a file of %s opens with none of them, and takes them after the upgrade', (_, withChecksums) => {
    const path = join(temp(), 'old.budget');
    const db = newDatabase(path);
    migrate(db, MIGRATIONS.slice(0, 1), 0);
    const wb = sampleWorkbook();
    db.transaction(() => {
      db.prepare('INSERT INTO meta (only, department, year, next_line_id, undo_cursor, revision) VALUES (1, ?, ?, ?, 0, 0)').run(wb.department, wb.year, 100);
      // the first format had no compute table: write everything but it
      const { compute: _c, ...rest } = wb;
      const content = new WorkbookContent(db);
      (content as unknown as { writeUnits(u: unknown): void }).writeUnits(rest.units);
      for (const [name, value] of [['baseline', rest.baseline], ['texts', rest.texts], ['entered', rest.entered], ['projects', rest.projects], ['catalogs', {}]] as const) {
        db.prepare(`INSERT INTO ${name} (only, json) VALUES (1, ?)`).run(JSON.stringify(value));
      }
    })();
    db.close();
    if (withChecksums) {
      openDatabase(path, MIGRATIONS.slice(0, 2)).close();
      // as the second format wrote them: no checksum rows for parts it did not have
      const v2 = new Database(path);
      v2.prepare("DELETE FROM checksums WHERE part IN ('compute', 'schedules')").run();
      v2.close();
    }
    const file = WorkbookFile.open(path);
    expect(file.workbook().compute).toBeUndefined();
    file.edit({ op: 'setCompute', compute: exampleCompute() });
    file.close();
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    check.close();
    const again = WorkbookFile.open(path);
    expect(again.workbook().compute).toEqual(exampleCompute());
    again.close();
  });

  it('the contract refuses a malformed setup with a message saying where', () => {
    expect(() => parseCall('workbook.edit', [{ op: 'setCompute', compute: { ...exampleCompute(), staff: [{ unit: '甲', category: '在职行政', grade: '', count: -1 }] } }])).toThrow(
      /调用 workbook.edit 的参数无效（.*compute\.staff\[0\]\.count：数值过小/,
    );
    expect(() => parseCall('workbook.edit', [{ op: 'setCompute', compute: exampleCompute() }])).not.toThrow();
    expect(() => parseCall('workbook.edit', [{ op: 'setSchedules', schedules: emptySchedules() }])).not.toThrow();
  });
});

describe('applying a 测算 to the file and undoing it', () => {
  it('leaves the file’s workbook as it was, for any lines and setup (also after reopening)', () => {
    const path = join(temp(), 'p.budget');
    WorkbookFile.create(path, workbook([], emptyCompute())).close();
    let file = WorkbookFile.open(path);
    try {
      fc.assert(
        fc.property(userLinesArb, setupArb, (lines, setup) => {
          file.edit({ op: 'batch', edits: [{ op: 'deleteLines', ids: file.workbook().lines.map((l) => l.id) }, { op: 'insertLines', lines: lines.map(({ id: _id, ...l }) => l) }, { op: 'setCompute', compute: setup }] });
          const before = file.workbook();
          file.edit({ op: 'batch', edits: planSteps(computePlan(before)) });
          file.undo();
          expect(file.workbook()).toEqual(before);
          file.redo();
          file.undo();
          file.close();
          file = WorkbookFile.open(path);
          expect(file.workbook()).toEqual(before);
        }),
        { numRuns: runs(40) },
      );
    } finally {
      file.close();
    }
  });
});
