import { basename } from 'node:path';
import type { EditRequest, EditResult } from '../../shared/contract/api';
import { splitUnit } from '../../shared/core/units/split';
import { UnitsError } from '../../shared/core/units/unitsError';
import { isEmpty, mergeChanges, planMerge, type MergeChanges, type Resolutions, type UnitMerge } from '../../shared/core/units/merge';
import type { UnitFileInput } from '../../shared/core/units/check';
import { UserError } from '../io/userError';
import { WorkbookFile } from '../workbook/file';
import { localTimestamp } from '../workbook/localTime';
import { readWorkbookFile } from '../workbook/readOnly';

/** Core refusals (UnitsError) as user errors: a Chinese message, exit status 2. */
export function asUserError<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof UnitsError) throw new UserError(e.message);
    throw e;
  }
}

/** Writes the unit's file `out` from the open department file; refuses a unit file as the department. */
export function splitToFile(dept: WorkbookFile, unit: string, out: string): { lines: number; projects: number } {
  if (dept.unitFrame) throw new UserError(`${basename(dept.path)} 本身是单位“${dept.unitFrame.unit}”的工作簿，不是部门工作簿：请从部门工作簿导出单位工作簿。`);
  const { workbook, frame } = asUserError(() =>
    splitUnit(dept.workbook(), unit, { departmentFileId: dept.fileId, revision: dept.snapshot().revision, madeAt: localTimestamp(new Date()) }),
  );
  WorkbookFile.create(out, workbook, frame).close();
  return { lines: workbook.lines.length, projects: workbook.projects.length };
}

/** A unit file read without changing it. */
export function readUnitFile(path: string, name = basename(path)): UnitFileInput {
  const read = readWorkbookFile(path);
  return { name, frame: read.unitFrame, workbook: read.workbook };
}

/** The merges of the unit files into the open department file; refusals as user errors. */
export function planFileMerge(dept: WorkbookFile, units: readonly UnitFileInput[]): UnitMerge[] {
  if (dept.unitFrame) throw new UserError(`${basename(dept.path)} 是单位“${dept.unitFrame.unit}”的工作簿，不是部门工作簿：单位工作簿只能合并到部门工作簿中。`);
  return asUserError(() => planMerge({ fileId: dept.fileId, workbook: dept.workbook() }, units));
}

function request(c: MergeChanges): EditRequest {
  const edits: EditRequest[] = [];
  if (c.deleteIds.length > 0) edits.push({ op: 'deleteLines', ids: c.deleteIds });
  if (c.updates.length > 0) edits.push({ op: 'updateLines', changes: c.updates });
  if (c.inserts.length > 0) edits.push({ op: 'insertLines', lines: c.inserts });
  if (c.projects) edits.push({ op: 'setProjects', projects: c.projects });
  return { op: 'batch', edits };
}

/** Applies the merges as one undoable edit; null when they change nothing (a file merged before). */
export function applyMerge(dept: WorkbookFile, merges: readonly UnitMerge[], resolutions: Resolutions): EditResult | null {
  const changes = mergeChanges(dept.workbook(), merges, resolutions);
  return isEmpty(changes) ? null : dept.edit(request(changes));
}
