import type { ComputeSetup, Standard } from '../../shared/core/compute/model';
import { newWorkbook, type Workbook } from '../../shared/core/model';

const monthly = (item: string, economicCode: string, categories: string, grade: string, amount: number): Standard => ({
  item, method: '月标准', economicCode, unit: '', categories, grade, amount, months: 12, rate: '', base: '',
});
const rate = (item: string, economicCode: string, percent: string): Standard => ({
  item, method: '比例', economicCode, unit: '', categories: '', grade: '', amount: 0, months: 0, rate: percent, base: '30101+30102',
});

/** A 行政单位 of 14 在职 and 6 退休, every figure below worked out by hand. */
export function workedUnit(): Workbook {
  const wb = newWorkbook('示例部门', 2025);
  wb.units = [{ name: '示例局', type: '行政单位' }];
  const setup: ComputeSetup = {
    staff: [
      { unit: '示例局', category: '在职行政', grade: '科员', count: 10 },
      { unit: '示例局', category: '在职行政', grade: '科级', count: 4 },
      { unit: '示例局', category: '退休', grade: '', count: 6 },
    ],
    standards: [
      monthly('基本工资', '30101', '在职行政', '科员', 2_023_71),
      monthly('基本工资', '30101', '在职行政', '科级', 2_650_00),
      monthly('津贴补贴', '30102', '在职行政', '', 1_800_00),
      monthly('退休费', '30302', '退休', '', 3_100_50),
      rate('养老保险', '30108', '16'),
      rate('医疗保险', '30110', '10.5'),
      rate('住房公积金', '30113', '12'),
      { item: '办公费', method: '年定额', economicCode: '30201', unit: '', categories: '在职行政', grade: '', amount: 1_500_00, months: 0, rate: '', base: '' },
      rate('工会经费', '30228', '2'),
    ],
    mapping: [
      { economicCode: '30108', unit: '', unitType: '', functionCode: '2080505' },
      { economicCode: '30110', unit: '', unitType: '行政单位', functionCode: '2101101' },
      { economicCode: '30110', unit: '', unitType: '事业单位', functionCode: '2101102' },
      { economicCode: '30113', unit: '', unitType: '', functionCode: '2210201' },
      { economicCode: '30302', unit: '', unitType: '', functionCode: '2080501' },
      { economicCode: '', unit: '示例局', unitType: '', functionCode: '2010101' },
    ],
    computed: [],
  };
  return { ...wb, compute: setup };
}

