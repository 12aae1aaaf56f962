import type { Edit, LineFields } from '../edits';
import type { UnitFrame } from './frame';

/** An edit as the screen or a command asks for it (new lines without ids). */
type Request = Exclude<Edit, { op: 'insertLines' } | { op: 'batch' }> | { op: 'insertLines'; lines: LineFields[] } | { op: 'batch'; edits: Request[] };

const FRAME_OPS: Partial<Record<Edit['op'], string>> = {
  setMeta: '部门和年度',
  setUnits: '单位及类型',
  setCatalogEdition: '科目表',
  setTexts: '部门的文字（职能、机构、用途、原因）',
  setEntered: '部门的录入数（采购、资产、绩效）',
  setBaseline: '上年基数',
  setTemplate: '公开模板',
};

/**
 * Why an edit is refused in a unit's file (null: allowed). The department's frame is read-only
 * there, and every line belongs to the file's unit.
 */
export function unitEditRefusal(frame: UnitFrame, edit: Request): string | null {
  if (edit.op === 'batch') {
    for (const e of edit.edits) {
      const why = unitEditRefusal(frame, e);
      if (why) return why;
    }
    return null;
  }
  const part = FRAME_OPS[edit.op];
  if (part) return `这是单位“${frame.unit}”的工作簿：${part}由部门“${frame.department}”确定，只能在部门工作簿中修改。`;
  const other = (unit: string | undefined) => unit !== undefined && unit !== frame.unit;
  if (edit.op === 'insertLines' && edit.lines.some((l) => other(l.unit))) return `这是单位“${frame.unit}”的工作簿：只能录入本单位的明细，单位名称应为“${frame.unit}”。`;
  if (edit.op === 'updateLines' && edit.changes.some((c) => other(c.set.unit))) return `这是单位“${frame.unit}”的工作簿：明细的单位名称应为“${frame.unit}”，不能改为其他单位。`;
  return null;
}
