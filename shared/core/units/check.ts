import type { Workbook } from '../model';
import { catalogEditionsOf, editionLabel, type UnitFrame } from './frame';
import { UnitsError } from './unitsError';

/** A unit file offered for merging: its name (for messages), the frame it records (null: not a unit file) and its workbook. */
export interface UnitFileInput {
  name: string;
  frame: UnitFrame | null;
  workbook: Workbook;
}

/** The department a unit file is merged into. */
export interface DepartmentInput {
  fileId: string;
  workbook: Workbook;
}

/** Where a unit file's part goes: the unit's name in the department now, and what was mapped. */
export interface MergeTarget {
  unit: string;
  notes: string[];
}

const AGAIN = '请从部门工作簿重新导出该单位的工作簿，把修改录入其中后再合并。';

/**
 * Whether a unit file can be merged into the department, and under which unit: refuses (UnitsError,
 * in Chinese) a file that is not a unit file, of another department, year or catalog edition, or
 * of a unit the department no longer has; maps a unit the department renamed since.
 */
export function targetOf(dept: DepartmentInput, file: UnitFileInput): MergeTarget {
  const { frame, name } = file;
  const wb = dept.workbook;
  if (!frame) throw new UnitsError(`${name} 不是单位工作簿（不是用“导出单位工作簿”或 budget split 从部门工作簿生成的），不能合并。`);
  const notes: string[] = [];
  if (frame.departmentFileId !== dept.fileId) {
    if (frame.department !== wb.department) throw new UnitsError(`${name} 是“${frame.department}”的单位工作簿，不属于“${wb.department}”，不能合并。`);
    if (frame.year !== wb.year) throw new UnitsError(`${name} 是 ${frame.year} 年的单位工作簿，部门工作簿是 ${wb.year} 年的，不能合并。`);
    throw new UnitsError(`${name} 是从另一份“${frame.department}”工作簿导出的，不是从这份部门工作簿导出的，不能合并。请用导出它的那份部门工作簿合并。`);
  }
  if (frame.year !== wb.year) throw new UnitsError(`${name} 是 ${frame.year} 年的单位工作簿，部门工作簿现在是 ${wb.year} 年的，不能合并。${AGAIN}`);
  if (frame.department !== wb.department) notes.push(`部门名称已由“${frame.department}”改为“${wb.department}”。`);
  const now = catalogEditionsOf(wb);
  for (const [kind, label] of [['function', '功能分类'], ['economic', '经济分类']] as const) {
    if (now[kind] !== frame.catalogs[kind]) {
      throw new UnitsError(`${name} 的${label}按${editionLabel(frame.catalogs[kind])}编制，部门工作簿已改用${editionLabel(now[kind])}，不能合并。${AGAIN}`);
    }
  }
  if (wb.units.some((u) => u.name === frame.unit)) return { unit: frame.unit, notes };
  // Renamed since: the lines the unit had then now stand under one unit the frame did not know.
  const baseIds = new Set(frame.base.lines.map((l) => l.id));
  const nowUnits = new Set(wb.lines.filter((l) => baseIds.has(l.id)).map((l) => l.unit));
  const known = new Set(frame.units.map((u) => u.name));
  const [renamed] = [...nowUnits];
  if (nowUnits.size === 1 && !known.has(renamed) && wb.units.some((u) => u.name === renamed)) {
    return { unit: renamed, notes: [...notes, `单位“${frame.unit}”在部门工作簿中已改名为“${renamed}”，按“${renamed}”合并。`] };
  }
  throw new UnitsError(`${name} 的单位“${frame.unit}”在部门工作簿中没有登记（可能已删除或改名），不能合并。${AGAIN}`);
}

/** The targets of several unit files merged at once; refuses the same unit twice. */
export function targetsOf(dept: DepartmentInput, files: readonly UnitFileInput[]): MergeTarget[] {
  const targets = files.map((f) => targetOf(dept, f));
  const seen = new Map<string, string>();
  targets.forEach((t, i) => {
    const other = seen.get(t.unit);
    if (other !== undefined) throw new UnitsError(`${other} 与 ${files[i].name} 是同一单位“${t.unit}”的工作簿，一次合并中每个单位只能有一个文件。请只留下其中较新的一个。`);
    seen.set(t.unit, files[i].name);
  });
  return targets;
}
