import type { PerformanceIndicator } from '../../../shared/core/model';
import { FormInput } from './FormInput';
import { emptyIndicator } from './projectEdits';

const COLUMNS: readonly [keyof PerformanceIndicator, string][] = [
  ['level1', '一级指标'],
  ['level2', '二级指标'],
  ['level3', '三级指标'],
  ['value', '年度指标值'],
];

interface Props {
  indicators: readonly PerformanceIndicator[];
  /** The whole list after a change: one save. */
  onChange(indicators: PerformanceIndicator[]): boolean;
}

/** 绩效指标 as the 申报表 lists them: one row per 三级指标, rows added and removed here. */
export function IndicatorTable({ indicators, onChange }: Props) {
  const set = (at: number, next: PerformanceIndicator | null) =>
    onChange(next === null ? indicators.filter((_, i) => i !== at) : indicators.map((ind, i) => (i === at ? next : ind)));
  return (
    <table className="indicators">
      <thead>
        <tr>
          {COLUMNS.map(([key, label]) => (
            <th key={key}>{label}</th>
          ))}
          <th />
        </tr>
      </thead>
      <tbody>
        {indicators.map((ind, i) => (
          <tr key={i}>
            {COLUMNS.map(([key, label]) => (
              <td key={key}>
                <FormInput hiddenLabel label={`第 ${i + 1} 行${label}`} value={ind[key]} onCommit={(text) => set(i, { ...ind, [key]: text.trim() })} />
              </td>
            ))}
            <td>
              <button type="button" aria-label={`删除第 ${i + 1} 行指标`} onClick={() => set(i, null)}>
                删除
              </button>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={COLUMNS.length + 1}>
            <button type="button" onClick={() => onChange([...indicators, emptyIndicator(indicators[indicators.length - 1]?.level1)])}>
              添加指标
            </button>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
