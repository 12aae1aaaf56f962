import { shanghaiDistrict } from './data/shanghaiDistrict';
import type { Template } from './types';
import { validateTemplate } from './validate';

/** The templates shipped, each checked when loaded: a bad one stops the program with its problems named. */
export const TEMPLATES: readonly Template[] = [shanghaiDistrict].map(validateTemplate);

export const DEFAULT_TEMPLATE_ID = 'shanghai-district';
export const DEFAULT_TEMPLATE: Template = TEMPLATES.find((t) => t.id === DEFAULT_TEMPLATE_ID)!;

/** A shipped template by id, or undefined. */
export function findTemplate(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
