import { shanghaiDistrict } from './data/shanghaiDistrict';
import { shanghaiUnit } from './data/shanghaiUnit';
import { jiangsuProvince } from './data/jiangsuProvince';
import type { Template } from './types';
import { validateTemplate } from './validate';

/** The templates shipped, each checked when loaded: a bad one stops the program with its problems named. */
export const TEMPLATES: readonly Template[] = [shanghaiDistrict, shanghaiUnit, jiangsuProvince].map(validateTemplate);

export const DEFAULT_TEMPLATE_ID = 'shanghai-district';
export const DEFAULT_TEMPLATE: Template = TEMPLATES.find((t) => t.id === DEFAULT_TEMPLATE_ID)!;

/** The template a unit's tables (单位预算) are printed in when none is chosen. */
export const DEFAULT_UNIT_TEMPLATE_ID = 'shanghai-unit';

/** A shipped template by id, or undefined. */
export function findTemplate(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/** Refuses a template id no shipped template has, naming the ones there are. */
export function requireTemplate(id: string): Template {
  const t = findTemplate(id);
  if (!t) throw new TemplateChoiceError(`没有名为“${id}”的公开模板。可用的模板：${TEMPLATES.map((x) => `${x.id}（${x.name}）`).join('、')}`);
  return t;
}

export class TemplateChoiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateChoiceError';
  }
}

/**
 * The template a workbook's tables are printed in: the one asked for, else the workbook's own
 * choice, else shanghai-district for the department and shanghai-unit for one unit's tables.
 */
export function templateFor(wb: { template?: string }, unit?: string, asked?: string): Template {
  if (asked !== undefined) return requireTemplate(asked);
  if (wb.template !== undefined && wb.template !== DEFAULT_TEMPLATE_ID) return findTemplate(wb.template) ?? DEFAULT_TEMPLATE;
  return unit === undefined ? DEFAULT_TEMPLATE : requireTemplate(DEFAULT_UNIT_TEMPLATE_ID);
}
