import { TEMPLATES } from '../templates/registry';
import type { Template } from '../templates/types';
import { checkPublication } from './publicationRules';
import type { PublishedTableInput } from './readTables';
import type { CheckFinding } from './rules';
import { checkTemplatePublication, recogniseTemplate } from './templateRules';

/** The Shanghai templates are checked by the rules written for their nine tables (reading any region's printing of them). */
const SHANGHAI = new Set(['shanghai-district', 'shanghai-unit']);

/**
 * Checks a publication by its template: the one asked for, else the one whose titles its tables
 * carry. Shanghai's nine tables (and publications no template recognises) go through the nine-table
 * rules; any other template's tables through the rules its layout allows (./templateRules.ts).
 */
export function checkPublicationByTemplate(tables: readonly PublishedTableInput[], asked?: Template): CheckFinding[] {
  const template = asked ?? recogniseTemplate(TEMPLATES, tables);
  if (!template || SHANGHAI.has(template.id)) return checkPublication(tables);
  return checkTemplatePublication(template, tables);
}
