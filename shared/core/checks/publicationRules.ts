import { BUILTIN_CATALOGS, type Catalogs } from '../catalog/catalog';
import { builtinEdition, publicationYear } from '../catalog/editions';
import type { TableId, TableModel } from '../tables/tableModel';
import { checkParentAndTotalSums, checkRowSums, readCodedTable, type CodedTable } from './codedTables';
import { checkNotes } from './notes';
import { checkRelations, collectFacts, referencesBetween } from './crossRules';
import type { PublishedTableInput } from './readTables';
import { Review, readDerivedTables, readPublication, type ReadTable } from './review';
import type { CheckFinding } from './rules';
import { checkSanGongTable, checkSummaryRowSums, checkSummarySums, readSanGongTable, readSummaryTable, type SanGongTable, type SummaryTable } from './summaryTables';

/**
 * The table rules on a set of published tables, read by their titles and headings, so that any
 * department's publication in the standard layout can be checked, whatever its printing style.
 * Findings come in the order of the tables and their rows.
 */
export function checkPublication(tables: readonly PublishedTableInput[], catalogs: Catalogs = builtinEdition(publicationYear(tables.map((t) => t.title)))): CheckFinding[] {
  const review = new Review();
  return checkRead(readPublication(tables, review), review, catalogs);
}

/** The table rules on the engine's own tables, read from their figures rather than printed and parsed back. */
export function checkDerivedTables(tables: readonly TableModel[], catalogs: Catalogs = BUILTIN_CATALOGS): CheckFinding[] {
  const review = new Review();
  return checkRead(readDerivedTables(tables, review), review, catalogs);
}

function checkRead(read: readonly ReadTable[], review: Review, catalogs: Catalogs): CheckFinding[] {
  const coded = new Map<TableId, CodedTable>();
  const summary = new Map<TableId, SummaryTable>();
  let sanGong: SanGongTable | undefined;
  for (const t of read) {
    if (t.no === 1 || t.no === 4) {
      const s = readSummaryTable(t, review);
      if (s) summary.set(t.no, s);
    } else if (t.no === 9) {
      sanGong = readSanGongTable(t);
      if (sanGong.items.size === 0) {
        review.add('T-TABLE', `表 9“${t.input.title}”找不到“三公”各项的列（因公出国（境）费、公务接待费、购置费、运行费），该表未审核；请核对表头`, { table: 9 });
      }
    } else coded.set(t.no, readCodedTable(t, review, catalogs));
  }
  // Order matters: an error makes its row suspect, and sums over a suspect row are not reported again.
  for (const ct of coded.values()) checkRowSums(ct, review);
  for (const s of summary.values()) checkSummaryRowSums(s, review);
  if (sanGong) checkSanGongTable(sanGong, review);
  checkNotes(coded, sanGong, review);
  const recognized = { coded, summary, sanGong };
  const facts = collectFacts(recognized, review);
  facts.compare(true);
  const referenceOf = referencesBetween(recognized, review);
  for (const ct of coded.values()) checkParentAndTotalSums(ct, review, referenceOf);
  for (const s of summary.values()) checkSummarySums(s, review);
  facts.compare(false);
  checkRelations(recognized, review, referenceOf);
  return review.finish(read);
}
