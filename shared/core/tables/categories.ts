import { shanghaiDistrict } from '../templates/data/shanghaiDistrict';
/**
 * The 20 expenditure 类 that the district template's tables 1 and 4 always list, in its order (the
 * template's data holds them; read here by the checks and the reader of published tables).
 * A 类 outside the template that has an amount is inserted by code order.
 */
export const TEMPLATE_CLASSES: readonly { code: string; name: string }[] = shanghaiDistrict.classLists!.区级二十类;

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese ordinal for list labels: 1 → 一, 10 → 十, 17 → 十七, 20 → 二十, 23 → 二十三. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[n % 10]}`;
}
