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
  /** A change to the list (applied to the list as saved when its turn comes): one save. */
  onChange(update: (indicators: readonly PerformanceIndicator[]) => PerformanceIndicator[]): boolean;
}

/** 绩效指标 as the 申报表 lists them: one row per 三级指标, rows added and removed here. */
export function IndicatorTable({ indicators, onChange }: Props) {
  const remove = (at: number) => onChange((list) => list.filter((_, i) => i !== at));
  const set = (at: number, key: keyof PerformanceIndicator, text: string) => onChange((list) => list.map((ind, i) => (i === at ? { ...ind, [key]: text } : ind)));
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
                <FormInput hiddenLabel label={`第 ${i + 1} 行${label}`} value={ind[key]} onCommit={(text) => set(i, key, text.trim())} />
              </td>
            ))}
            <td>
              <button type="button" aria-label={`删除第 ${i + 1} 行指标`} onClick={() => remove(i)}>
                删除
              </button>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={COLUMNS.length + 1}>
            <button type="button" onClick={() => onChange((list) => [...list, emptyIndicator(list[list.length - 1]?.level1)])}>
              添加指标
            </button>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
