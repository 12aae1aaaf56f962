import { useMemo, useState } from 'react';
import type { EditRequest } from '../../../shared/contract/api';
import type { Workbook } from '../../../shared/core/model';
import { formatWan } from '../../../shared/core/money';
import type { YoyReport, YoyRow } from '../../../shared/core/yoy';
import { TextField } from '../texts/TextField';
import { setReason } from '../texts/textEdits';
import { ChangeChart } from './ChangeChart';
import { VersionsPanel } from './VersionsPanel';
import type { Bridge } from '../../../shared/contract/calls';

const GROUPS = ['功能分类（类）', '经济分类', '资金来源', '“三公”经费'] as const;
type Group = (typeof GROUPS)[number];

function rowsOf(report: YoyReport, group: Group): YoyRow[] {
  switch (group) {
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

const SIGNIFICANCE: Record<NonNullable<YoyRow['significance']>, string> = {
  large: '变动 10% 及以上',
  fromZero: '上年为零',
  toZero: '本年为零',
};

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

/** 变动分析: this year against last, by group, with a chart; large changes wait for a reason. */
export function ChangesView({ workbook, report, bridge, send }: Props) {
  const [group, setGroup] = useState<Group>('功能分类（类）');
  const rows = useMemo(() => [...report.summary, ...rowsOf(report, group)], [report, group]);
  const chartRows = useMemo(() => rowsOf(report, group), [report, group]);
  const flagged = [...report.summary, ...report.bySource, ...report.byFunction, ...report.byEconomic, ...report.sanGong].filter((r) => r.flagged);

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
            {rows.map((r) => (
              <tr key={r.key} className={r.flagged ? 'flagged' : r.significance ? 'significant' : undefined}>
                <td>
                  {r.code && <span className="code">{r.code}</span>} {r.label}
                </td>
                <td className="type-amount">{formatWan(r.current)}</td>
                <td className="type-amount">{r.previous === null ? '—' : formatWan(r.previous)}</td>
                <td className="type-amount">{changeText(r)}</td>
                <td className="type-amount">{r.percent === null ? '—' : `${r.percent}%`}</td>
                <td>
                  {r.significance ? (
                    <TextField
                      label={r.flagged ? `需说明原因（${SIGNIFICANCE[r.significance]}）` : SIGNIFICANCE[r.significance]}
                      value={r.reason}
                      rows={1}
                      placeholder="填写增减的主要原因"
                      onCommit={(v) => void send(setReason(workbook.texts, r.key, v))}
                    />
                  ) : (
                    <span className="hint">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ChangeChart rows={chartRows} year={report.year} previousYear={report.previousYear} />
      </div>
      <VersionsPanel bridge={bridge} workbook={workbook} />
    </div>
  );
}
