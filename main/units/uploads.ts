import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EditResult } from '../../shared/contract/api';
import type { UnitFileUpload } from '../../shared/contract/calls';
import type { UnitFileInput } from '../../shared/core/units/check';
import { openConflicts, previewMerge, type Resolution, type UnitMergePreview } from '../../shared/core/units/merge';
import { UserError } from '../io/userError';
import type { WorkbookFile } from '../workbook/file';
import { applyMerge, planFileMerge, readUnitFile } from './unitFiles';

/** Reads unit files the screen sent as bytes: each written to a private temporary folder, read, removed. */
function readUploads(files: readonly UnitFileUpload[]): UnitFileInput[] {
  const dir = mkdtempSync(join(tmpdir(), 'budget-units-'));
  try {
    return files.map((f, i) => {
      const path = join(dir, `${i}.budget`);
      writeFileSync(path, Buffer.from(f.data, 'base64'));
      return readUnitFile(path, f.name);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function previewUploads(dept: WorkbookFile, files: readonly UnitFileUpload[]): UnitMergePreview[] {
  return previewMerge(dept.workbook(), planFileMerge(dept, readUploads(files)));
}

/** Applies the merge with the user's decisions; every conflict must have one. */
export function applyUploads(dept: WorkbookFile, files: readonly UnitFileUpload[], resolutions: Record<string, Resolution>): EditResult | null {
  const merges = planFileMerge(dept, readUploads(files));
  const open = openConflicts(merges, { byKey: resolutions });
  if (open.length > 0) throw new UserError(`还有 ${open.length} 处冲突没有决定（保留部门的、采用单位的或两者都要），未合并。`);
  return applyMerge(dept, merges, { byKey: resolutions });
}
