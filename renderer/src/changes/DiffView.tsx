import { LINE_COLUMNS } from '../../../shared/core/lineTable';
import type { LineItem } from '../../../shared/core/model';
import { formatYuan } from '../../../shared/core/money';
import { WORKBOOK_PARTS, type WorkbookDiff } from '../../../shared/core/versionDiff';

const fieldText = (v: unknown) => (typeof v === 'number' ? formatYuan(v) : v === undefined || v === '' ? '（空）' : String(v));
const SHOWN = 100;

/** A line in one row of text: unit, codes, kind, source, project, amount. */
export function lineSummary(l: LineItem): string {
  return `${l.unit}｜${l.functionCode}｜${l.economicCode}｜${l.kind}｜${l.source}${l.project ? `｜${l.project}` : ''}｜${formatYuan(l.amount)} 元`;
}

/**
 * What changed between two states of a workbook: lines added, removed and changed (old → new),
 * every figure of the nine tables that differs, and the paragraphs of the text that differ.
 * The versions panel and the merge preview show a change the same way.
 */
export function DiffView({ diff, title }: { diff: WorkbookDiff; title: string }) {
  return (
    <div className="diff">
      <p>
        {title}：新增明细 {diff.added.length} 行，删除 {diff.removed.length} 行，修改 {diff.changed.length} 行
        {diff.parts.length > 0 && `；另有变动：${diff.parts.map((p) => WORKBOOK_PARTS[p]).join('、')}`}
        {diff.department && `；部门由“${diff.department.old}”改为“${diff.department.new}”`}
        {diff.year && `；年度由 ${diff.year.old} 改为 ${diff.year.new}`}
      </p>
      {diff.figures.length > 0 && (
        <table className="yoy">
          <thead>
            <tr>
              <th>表</th>
              <th>行</th>
              <th>列</th>
              <th>原数</th>
              <th>新数</th>
            </tr>
          </thead>
          <tbody>
            {diff.figures.slice(0, SHOWN).map((f, i) => (
              <tr key={i}>
                <td>表{f.table}</td>
                <td>{f.row}</td>
                <td>{f.column}</td>
                <td className="type-amount">{f.oldText || '—'}</td>
                <td className="type-amount">{f.newText || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {diff.added.slice(0, SHOWN).map((l) => (
        <p key={`a${l.id}`} className="hint diff-added">
          新增明细：{lineSummary(l)}
        </p>
      ))}
      {diff.removed.slice(0, SHOWN).map((l) => (
        <p key={`r${l.id}`} className="hint diff-removed">
          删除明细 #{l.id}：{lineSummary(l)}
        </p>
      ))}
      {diff.changed.slice(0, SHOWN).map((c) => (
        <p key={c.id} className="hint diff-changed">
          明细 #{c.id}：
          {c.fields.map((f) => `${LINE_COLUMNS[f.field].header} ${fieldText(f.old)} → ${fieldText(f.new)}`).join('；')}
        </p>
      ))}
      {diff.narrative.length > 0 && (
        <ul className="narrative-diff">
          {diff.narrative.slice(0, SHOWN).map((n, i) => (
            <li key={i}>
              {n.old && <del>{n.old}</del>}
              {n.new && <ins>{n.new}</ins>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
