import type { StaffGroup, Standard } from './model';

/** The categories a standard names: 在职行政、在职事业 → [在职行政, 在职事业] (、 , ， ; ； or spaces between). */
export function standardCategories(standard: Pick<Standard, 'categories'>): string[] {
  return standard.categories
    .split(/[、,，;；\s]+/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

/** The persons of a unit a standard counts: staff of its categories, and of its 职级 when it names one. */
export function personsCounted(staff: readonly StaffGroup[], unit: string, standard: Pick<Standard, 'categories' | 'grade'>): number {
  const categories = new Set(standardCategories(standard));
  const grade = standard.grade.trim();
  let persons = 0;
  for (const s of staff) {
    if (s.unit === unit && categories.has(s.category.trim()) && (grade === '' || s.grade.trim() === grade)) persons += s.count;
  }
  return persons;
}

/** Who a standard counts, as its 测算依据 names them: 在职事业 or 在职事业（专技十级）. */
export function countedLabel(standard: Pick<Standard, 'categories' | 'grade'>): string {
  const grade = standard.grade.trim();
  return `${standardCategories(standard).join('、')}${grade ? `（${grade}）` : ''}`;
}

/** The units staff are listed in, in order of first mention. */
export function staffUnits(staff: readonly StaffGroup[]): string[] {
  return [...new Set(staff.map((s) => s.unit))];
}
