import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runBudget } from '../helpers/cli';
import { useTempDir } from '../workbook/tempDir';
import { UNIT_A, UNIT_B, UNIT_C, createDepartment, departmentWorkbook } from './departments';

describe('export --each-unit: every unit’s publication at once', () => {
  const temp = useTempDir();

  it('writes the department’s publication and one per unit, each with that unit’s lines only', async () => {
    const dir = temp();
    const deptPath = createDepartment(dir);
    const wb = departmentWorkbook();
    const out = join(dir, '公开表');
    expect(runBudget(['export', deptPath, '--each-unit', '--out-dir', out])).toMatchObject({ status: 2, stderr: `错误：文件夹 ${out} 不存在，请先建立它\n` });
    mkdirSync(out);
    const r = runBudget(['export', deptPath, '--each-unit', '--out-dir', out]);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      '[1/4] 已导出 基准测试部门：基准测试部门2025年部门预算公开表.xlsx',
      `[2/4] 已导出 ${UNIT_A}：${UNIT_A}2025年单位预算公开表.xlsx`,
      `[3/4] 已导出 ${UNIT_B}：${UNIT_B}2025年单位预算公开表.xlsx`,
      `[4/4] 已导出 ${UNIT_C}：${UNIT_C}2025年单位预算公开表.xlsx`,
    ]);
    expect(readdirSync(out).sort()).toEqual([`${UNIT_A}2025年单位预算公开表.xlsx`, `${UNIT_B}2025年单位预算公开表.xlsx`, `${UNIT_C}2025年单位预算公开表.xlsx`, '基准测试部门2025年部门预算公开表.xlsx'].sort());
    for (const unit of [UNIT_B, undefined]) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(join(out, unit ? `${unit}2025年单位预算公开表.xlsx` : '基准测试部门2025年部门预算公开表.xlsx'));
      const units = new Set<string>();
      book.getWorksheet('明细')!.eachRow((row, n) => n > 1 && units.add(String(row.getCell(1).value)));
      expect([...units].sort()).toEqual(unit ? [unit] : [UNIT_A, UNIT_B, UNIT_C].sort());
      const count = book.getWorksheet('明细')!.actualRowCount - 1;
      expect(count).toBe(unit ? wb.lines.filter((l) => l.unit === unit).length : wb.lines.length);
    }
  });
});
