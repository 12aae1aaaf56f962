import { parseCsv } from '../csv';
import { readLineTable } from '../lineTable';
import { measureKey } from '../measures';
import { sampleCompute } from '../compute/standards';
import { emptyEnteredFigures, type Workbook } from '../model';
import { SAMPLE_LINES_CSV } from './sampleLines.csv';
import { SAMPLE_PROJECT } from './sampleProject';
import { SAMPLE_TEXTS } from './sampleTexts';

export const SAMPLE_DEPARTMENT = '上海市宝山区城市运行管理中心';
export const SAMPLE_YEAR = 2024;

/**
 * The reference department's 2024 budget. Its 2023 figures are reconstructed: the publication gives
 * 2023 only as differences (增加 65.41 万元, 持平), so the totals below are values that reproduce them.
 */
export function sampleWorkbook(): Workbook {
  const { lines, errors } = readLineTable(parseCsv(SAMPLE_LINES_CSV));
  if (errors.length > 0) throw new Error(`内置样例有误：${errors[0].message}`);
  const entered = emptyEnteredFigures();
  entered.assets = {
    asOf: '2023-08-31',
    vehicles: { general: 0, lawEnforcement: 0, special: 0, other: 1 },
    equipmentOver50: 0,
    equipmentOver100: 0,
    plannedPurchase: '',
  };
  // The publication counts 3 projects with 绩效目标 (27.25 万元) but details only one: kept as entered,
  // for its 项目支出 of 337,324.00 元; once the project money changes they are counted from the records.
  entered.performance = { units: 1, projects: 3, amount: 27_250_000, entered: true, remark: '按公开文本录入：原文只列明 1 个项目', forProjectAmount: 33_732_400 };
  return {
    department: SAMPLE_DEPARTMENT,
    year: SAMPLE_YEAR,
    units: [{ name: SAMPLE_DEPARTMENT, type: '事业单位' }],
    lines,
    baseline: {
      year: SAMPLE_YEAR - 1,
      reconstructed: true,
      provenance: '2023 年数据为反推值：公开文本只给出与 2023 年的增减额（财政拨款增加 65.41 万元，政府性基金、国有资本经营预算与“三公”经费持平）。',
      figures: {
        [measureKey.source('一般公共预算财政拨款')]: 810_550_000,
        [measureKey.source('政府性基金预算财政拨款')]: 0,
        [measureKey.source('国有资本经营预算财政拨款')]: 0,
        [measureKey.source('事业收入')]: 0,
        [measureKey.source('事业单位经营收入')]: 0,
        [measureKey.source('其他收入')]: 0,
        [measureKey.sanGong('abroad')]: 0,
        [measureKey.sanGong('reception')]: 292_600,
        [measureKey.sanGong('vehiclePurchase')]: 0,
        [measureKey.sanGong('vehicleOperation')]: 2_700_000,
        [measureKey.officeExpenses]: 0,
      },
    },
    entered,
    texts: SAMPLE_TEXTS,
    projects: [SAMPLE_PROJECT],
    compute: sampleCompute(),
  };
}
