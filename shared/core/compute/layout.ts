import type { ItemColumn } from '../itemColumns';
import { UNIT_TYPES } from '../model';
import { STANDARD_METHODS, type FunctionMapping, type StaffGroup, type Standard } from './model';

/** The columns of the 人员, 标准 and 功能分类对应 grids, in order (grid, paste and copy use them). */
export const STAFF_COLUMNS: readonly ItemColumn<StaffGroup>[] = [
  { field: 'unit', header: '单位', type: 'text' },
  { field: 'category', header: '人员类别', type: 'text' },
  { field: 'grade', header: '职级 / 岗位等级', type: 'text', optional: true },
  { field: 'count', header: '人数', type: 'integer' },
  { field: 'name', header: '姓名（逐人录入时）', type: 'text', optional: true },
];

export const STANDARD_COLUMNS: readonly ItemColumn<Standard>[] = [
  { field: 'item', header: '项目', type: 'text' },
  { field: 'method', header: '计算方式', type: 'choice', choices: STANDARD_METHODS },
  { field: 'economicCode', header: '经济分类', type: 'code' },
  { field: 'unit', header: '适用单位（空为全部）', type: 'text', optional: true },
  { field: 'categories', header: '人员类别', type: 'text', optional: true },
  { field: 'grade', header: '职级', type: 'text', optional: true },
  { field: 'amount', header: '标准（元/人·月或年）', type: 'money' },
  { field: 'months', header: '月数', type: 'integer' },
  { field: 'rate', header: '比例（%）', type: 'text', optional: true },
  { field: 'base', header: '基数（经济分类）', type: 'text', optional: true },
];

export const MAPPING_COLUMNS: readonly ItemColumn<FunctionMapping>[] = [
  { field: 'economicCode', header: '经济分类（空为其余各项）', type: 'code', optional: true },
  { field: 'unit', header: '单位（空为全部）', type: 'text', optional: true },
  { field: 'unitType', header: '单位类型（空为全部）', type: 'choice', choices: UNIT_TYPES, optional: true },
  { field: 'functionCode', header: '功能分类项', type: 'functionCode' },
];
