import type { TableId } from '../tables/tableModel';
import { amountColumns, type CodedTable } from './codedTables';
import { norm } from './readTables';
import { cellName, type ReadTable, type Review } from './review';
import type { SanGongTable } from './summaryTables';

/** The budget kind each of tables 5, 6 and 7 is about, and the words that name a kind in a note. */
const KIND_OF_TABLE: Partial<Record<TableId, string>> = { 5: '一般公共预算', 6: '政府性基金', 7: '国有资本经营' };
const KIND_WORDS = ['一般公共预算', '政府性基金', '国有资本经营'];

/** `本表无数据`, `此表为空`, `故本表无数据`, `本表为空表`: a note saying the table has no figures. */
const SAYS_EMPTY = /(本|此)表(为空|无数据|无内容|空表)|无数据|空表/;

/** The first cell with a figure other than 0, if any. */
function firstFigure(t: ReadTable): { row: number; column: ReturnType<typeof amountColumns>[number] } | undefined {
  const columns = amountColumns(t);
  for (let row = 0; row < t.values.length; row++) {
    for (const column of columns) {
      const v = t.values[row][column.index];
      if (v !== undefined && v !== 0) return { row, column };
    }
  }
  return undefined;
}

/**
 * What the notes under the tables and the placeholders in them say, against the tables: a table said
 * to be empty has no figures; the note of table 5, 6 or 7 is about that table's budget kind (a note
 * copied from another table names another kind); table 9's note does not deny a 机关运行经费 it prints.
 */
export function checkNotes(coded: ReadonlyMap<TableId, CodedTable>, sanGong: SanGongTable | undefined, review: Review): void {
  for (const ct of coded.values()) {
    const t = ct.table;
    const note = norm(t.input.note ?? '');
    const figure = firstFigure(t);
    if (figure && ct.emptyMark !== undefined) {
      const mark = norm(t.input.rows[ct.emptyMark].find((c) => norm(c) !== '') ?? '');
      review.add('T-EMPTY', `表 ${t.no} 第 ${ct.emptyMark + 1} 行印着“${mark}”，说本表没有数据，但${cellName(t, figure.row, figure.column)}有金额；请删去占位文字，或核对金额`, {
        table: t.no,
        row: ct.emptyMark,
      });
    } else if (figure && SAYS_EMPTY.test(note)) {
      review.add('T-EMPTY', `表 ${t.no} 的表注说本表无数据（“${t.input.note}”），但${cellName(t, figure.row, figure.column)}有金额；请改正表注或核对金额`, {
        table: t.no,
        row: figure.row,
        column: figure.column.key,
      });
    }
    const own = KIND_OF_TABLE[t.no];
    const named = KIND_WORDS.filter((w) => note.includes(w));
    if (own && named.length > 0 && !named.includes(own)) {
      review.add(
        'T-NOTE',
        `表 ${t.no}“${t.input.title}”是${own}预算支出表，表注却说的是${named.join('、')}预算（“${t.input.note}”）：表注像是从另一张表抄来的；请按本表改写表注`,
        { table: t.no },
      );
    }
  }
  if (!sanGong) return;
  const t = sanGong.table;
  const note = norm(t.input.note ?? '');
  const running = t.columns.find((c) => c.role === 'amount' && c.last.includes('机关运行'));
  if (!running || !/机关运行经费为0|无机关运行经费|机关运行经费为零/.test(note)) return;
  const row = t.values.findIndex((r) => (r[running.index] ?? 0) !== 0);
  if (row < 0) return;
  review.add('T-NOTE', `表 9 的表注说没有机关运行经费（“${t.input.note}”），但${cellName(t, row, running)}不为 0；请改正表注或核对金额`, { table: 9, row, column: running.key });
}
