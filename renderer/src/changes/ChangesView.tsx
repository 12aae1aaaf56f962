import { useMemo, useState } from 'react';
import type { EditRequest } from '../../../shared/contract/api';
import type { Workbook } from '../../../shared/core/model';
import { formatWan } from '../../../shared/core/money';
import type { YoyReport, YoyRow } from '../../../shared/core/yoy';
import { ChangeChart } from './ChangeChart';
import { ReasonField } from './ReasonField';
import { VersionsPanel } from './VersionsPanel';
import type { Bridge } from '../../../shared/contract/calls';

const GROUPS = ['财政拨款（类）', '功能分类（类）', '经济分类', '资金来源', '“三公”经费'] as const;
type Group = (typeof GROUPS)[number];

function rowsOf(report: YoyReport, group: Group): YoyRow[] {
  switch (group) {
    case '财政拨款（类）':
      return report.explained.filter((r) => r.level === '类');
    case '功能分类（类）':
      return report.byFunction.filter((r) => r.level === '类');
    case '经济分类':
      return report.byEconomic.filter((r) => r.level === '类');
    case '资金来源':
      return report.bySource.filter((r) => r.current !== 0 || (r.previous ?? 0) !== 0);
    case '“三公”经费':
      return report.sanGong;
  }
}

function changeText(row: YoyRow): string {
  if (row.phrase === null) return '上年数不详';
  if (row.phrase.direction === '持平') return '持平';
  return `${row.phrase.direction} ${formatWan(row.phrase.amount)}`;
}

interface Props {
  workbook: Workbook;
  report: YoyReport;
  bridge: Bridge;
  send(edit: EditRequest): Promise<boolean>;
}

/**
 * 变动分析: this year against last, by group, with a chart. The changes the text states (see
 * `explainedChanges`) carry their one reason: a large change waits for it, and a reason written for
 * other figures shows as possibly stale until confirmed. Other rows are for analysis only.
 */
export function ChangesView({ workbook, report, bridge, send }: Props) {
  const [group, setGroup] = useState<Group>('财政拨款（类）');
  const rows = useMemo(() => [...report.summary, ...rowsOf(report, group)], [report, group]);
  const chartRows = useMemo(() => rowsOf(report, group), [report, group]);
  const explained = useMemo(() => new Map(report.explained.map((r) => [r.key, r])), [report]);
  const flagged = report.explained.filter((r) => r.flagged);

  return (
    <div className="changes">
      <header className="changes-head">
        <div className="segmented" role="group" aria-label="分析口径">
          {GROUPS.map((g) => (
            <button key={g} type="button" className={g === group ? 'active' : undefined} onClick={() => setGroup(g)}>
              {g}
            </button>
          ))}
        </div>
        <span className={flagged.length > 0 ? 'bad' : 'good'}>
          {flagged.length > 0 ? `有 ${flagged.length} 项较大变动尚未说明原因` : '较大变动均已说明原因'}
        </span>
      </header>
      {report.reconstructed && <p className="notice">{report.provenance ?? `${report.previousYear} 年数据为反推值。`}</p>}
      <div className="changes-body">
        <table className="yoy">
          <thead>
            <tr>
              <th>项目</th>
              <th>{report.year}年（万元）</th>
              <th>{report.previousYear}年（万元）</th>
              <th>增减（万元）</th>
              <th>增减幅度</th>
              <th>变动原因（写入编制说明）</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const change = explained.get(row.key);
              const r = change ?? row;
              return (
                <tr key={r.key} className={change?.flagged ? 'flagged' : r.significance ? 'significant' : undefined}>
                  <td>
                    {r.code && <span className="code">{r.code}</span>} {r.label}
                  </td>
                  <td className="type-amount">{formatWan(r.current)}</td>
                  <td className="type-amount">{r.previous === null ? '—' : formatWan(r.previous)}</td>
                  <td className="type-amount">{changeText(r)}</td>
                  <td className="type-amount">{r.percent === null ? '—' : `${r.percent}%`}</td>
                  <td>
                    {change && (change.significance || change.reason) ? (
                      <ReasonField change={change} texts={workbook.texts} send={send} />
                    ) : (
                      <span className="hint">{r.significance && !change ? '仅供分析，不写入编制说明' : '—'}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <ChangeChart rows={chartRows} year={report.year} previousYear={report.previousYear} />
      </div>
      <VersionsPanel bridge={bridge} workbook={workbook} />
    </div>
  );
}
