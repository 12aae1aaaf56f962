import type { Workbook } from '../model';
import { LiveWorkbook } from '../live/liveWorkbook';
import type { CheckFinding } from './rules';

export { CHECK_RULES, findingId, hasErrors, type CheckFinding, type Consequence, type FindingPlace, type RuleId, type Severity } from './rules';
export { checkLines } from './lineRules';
export { checkPublication } from './publicationRules';
export { identifyTable, type PublishedTableInput } from './readTables';
export { parsePublicationJson } from './publicationInput';

/** The line rules, the project rules, then the table rules on the department's derived tables. */
export function checkWorkbook(wb: Workbook): CheckFinding[] {
  return [...new LiveWorkbook(wb).findings()];
}
