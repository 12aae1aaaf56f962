/**
 * The 20 expenditure 类 that tables 1 and 4 always list, in the district template's order.
 * A 类 outside the template that has an amount is inserted by code order.
 */
export const TEMPLATE_CLASSES: readonly { code: string; name: string }[] = [
  { code: '201', name: '一般公共服务支出' },
  { code: '203', name: '国防支出' },
  { code: '204', name: '公共安全支出' },
  { code: '205', name: '教育支出' },
  { code: '206', name: '科学技术支出' },
  { code: '207', name: '文化旅游体育与传媒支出' },
  { code: '208', name: '社会保障和就业支出' },
  { code: '210', name: '卫生健康支出' },
  { code: '211', name: '节能环保支出' },
  { code: '212', name: '城乡社区支出' },
  { code: '213', name: '农林水支出' },
  { code: '214', name: '交通运输支出' },
  { code: '215', name: '资源勘探工业信息等支出' },
  { code: '216', name: '商业服务业等支出' },
  { code: '219', name: '援助其他地区支出' },
  { code: '220', name: '自然资源海洋气象等支出' },
  { code: '221', name: '住房保障支出' },
  { code: '222', name: '粮油物资储备支出' },
  { code: '224', name: '灾害防治及应急管理支出' },
  { code: '229', name: '其他支出' },
];

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese ordinal for list labels: 1 → 一, 10 → 十, 17 → 十七, 20 → 二十, 23 → 二十三. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[n % 10]}`;
}
