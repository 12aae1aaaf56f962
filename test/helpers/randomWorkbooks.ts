import fc from 'fast-check';
import { BUILTIN_CATALOGS, leafLength } from '../../shared/core/catalog/catalog';
import { newProject } from '../../renderer/src/projects/projectEdits';
import { COST_TYPES, EXPENDITURE_KINDS, FUND_SOURCES, UNIT_TYPES, newWorkbook, type BudgetUnit, type LineItem, type Workbook } from '../../shared/core/model';

const leaves = (kind: 'function' | 'economic', prefix: RegExp) =>
  [...BUILTIN_CATALOGS[kind].entries.keys()].filter((c) => c.length === leafLength(kind) && prefix.test(c)).slice(0, 10);

/** A few 项 under a few 类 (so rows appear and vanish around each other), the 三公 款, and codes no table should take as they are. */
export const CODES = {
  function: {
    leaves: leaves('function', /^(201|208|212|213)/),
    unknown: ['2089899', '2999999'],
    unusable: ['20805', '212', '20x0505', ''],
  },
  economic: {
    leaves: ['30101', '30201', '30212', '30217', '30231', '31013', '30302', '30905'],
    unknown: ['30298', '30198'],
    unusable: ['302', '3010', 'abcde'],
  },
};

export const UNIT_NAMES = ['本级', '甲中心', '乙所'];

const code = (kind: 'function' | 'economic', withUnusable: boolean) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...CODES[kind].leaves) },
    { weight: 1, arbitrary: fc.constantFrom(...CODES[kind].unknown) },
    ...(withUnusable ? [{ weight: 1, arbitrary: fc.constantFrom(...CODES[kind].unusable) }] : []),
  );

/** The fields of a line; `wild` adds negative amounts and unusable codes. */
export function lineFieldsArb(wild: boolean) {
  return fc.record(
    {
      unit: fc.constantFrom(...UNIT_NAMES, '丙站'),
      functionCode: code('function', wild),
      economicCode: code('economic', wild),
      kind: fc.constantFrom(...EXPENDITURE_KINDS),
      source: fc.constantFrom(...FUND_SOURCES),
      project: fc.constantFrom('', '项目甲', '项目乙'),
      amount: wild ? fc.integer({ min: -1_000_000, max: 1_000_000_000 }) : fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_000_000_000 })),
      costType: fc.constantFrom(...COST_TYPES),
      functionName: fc.constantFrom('自报科目', '另一个名称'),
      economicName: fc.constant('自报经济科目'),
    },
    { requiredKeys: ['unit', 'functionCode', 'economicCode', 'kind', 'source', 'project', 'amount'] },
  );
}

/** A workbook of up to `max` random lines, units of random types (丙站 is named only by lines), and a project record (its 测算 sometimes broken). */
export function workbookArb(wild: boolean, max = 60): fc.Arbitrary<Workbook> {
  return fc
    .record({
      fields: fc.array(lineFieldsArb(wild), { maxLength: max }),
      types: fc.tuple(...UNIT_NAMES.map(() => fc.constantFrom(...UNIT_TYPES))),
      projectAmount: fc.integer({ min: 0, max: 1_000_000_000 }),
      calculation: fc.constantFrom('', '1200*12', '3*(4'),
    })
    .map(({ fields, types, projectAmount, calculation }) => {
      const wb = newWorkbook('测试部门', 2025);
      const units: BudgetUnit[] = UNIT_NAMES.map((name, i) => ({ name, type: types[i] }));
      const lines: LineItem[] = fields.map((f, i) => ({ id: i + 1, ...f }));
      const funds = { total: projectAmount, fiscal: projectAmount, other: 0, currentYearFiscal: projectAmount, carriedOver: 0, otherAnnual: 0 };
      return { ...wb, units, lines, projects: [{ ...newProject(wb, '项目甲', UNIT_NAMES[0]), funds, calculation }] };
    });
}
