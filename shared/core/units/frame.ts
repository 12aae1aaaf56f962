import type { BudgetUnit, Workbook } from '../model';
import type { UnitPart } from './part';

/**
 * What a unit's workbook file records of where it came from: the department's frame (read-only in
 * the unit file), the department file and its revision, and the unit's part at that moment — the
 * common ancestor a later merge compares both sides with.
 */
export interface UnitFrame {
  /** The department file's identity (a random id kept in the file). */
  departmentFileId: string;
  department: string;
  year: number;
  unit: string;
  /** The department's units and their types when the file was made. */
  units: BudgetUnit[];
  /** The catalog editions in use (null: the built-in catalog). */
  catalogs: CatalogEditions;
  /** The department's publication template; none is chosen in this version (null). */
  template: string | null;
  /** The department file's revision when the unit file was made. */
  revision: number;
  /** Local time the file was made, ISO 8601. */
  madeAt: string;
  base: UnitPart;
}

export interface CatalogEditions {
  function: number | null;
  economic: number | null;
}

export function catalogEditionsOf(wb: Workbook): CatalogEditions {
  return { function: wb.catalogEditions?.function?.edition ?? null, economic: wb.catalogEditions?.economic?.edition ?? null };
}

export function editionLabel(edition: number | null): string {
  return edition === null ? '内置科目表' : `${edition} 年版科目表`;
}
