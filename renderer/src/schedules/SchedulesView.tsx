import { useCallback, useMemo, useState } from 'react';
import type { EditRequest } from '../../../shared/contract/api';
import type { CheckFinding } from '../../../shared/core/checks/index';
import { blankRecord, type ItemColumn } from '../../../shared/core/itemColumns';
import type { PerformanceIndicator, Workbook } from '../../../shared/core/model';
import { formatYuan } from '../../../shared/core/money';
import { procurementFigures } from '../../../shared/core/schedules/figures';
import { indicatorLibrary } from '../../../shared/core/schedules/indicators';
import { INDICATOR_COLUMNS, ITEM_SCHEDULES, type ItemSchedule, type ScheduleItem } from '../../../shared/core/schedules/layout';
import { emptySchedules, type Schedules } from '../../../shared/core/schedules/model';
import { ItemGrid } from './ItemGrid';

const SCREENS = [...ITEM_SCHEDULES.map((s) => ({ key: s.key as ScheduleScreen, name: s.title.replace(/预算表$/, '') })), { key: 'performance' as const, name: '绩效目标' }];
const DEPARTMENT = '（部门整体）';

export type ScheduleScreen = ItemSchedule | 'performance';

interface Props {
  workbook: Workbook;
  /** The screen shown (kept by the window, so that a finding in 审核 can open its schedule). */
  screen: ScheduleScreen;
  onScreen(screen: ScheduleScreen): void;
  findings: readonly CheckFinding[];
  send(edit: EditRequest | ((workbook: Workbook) => EditRequest)): Promise<boolean>;
  notify(message: string, kind?: 'info' | 'error'): void;
}

/** 附表: 政府采购, 政府购买服务, 资产配置 and 绩效目标, each its own screen with the grid's habits. */
export function SchedulesView({ workbook, screen, onScreen: setScreen, findings, send, notify }: Props) {
  const setSchedules = useCallback((update: (s: Schedules) => Schedules) => send((wb) => ({ op: 'setSchedules', schedules: update(wb.schedules ?? emptySchedules()) })), [send]);
  return (
    <div className="schedules">
      <nav className="segmented" role="tablist" aria-label="附表">
        {SCREENS.map((s) => (
          <button key={s.key} type="button" role="tab" aria-selected={screen === s.key} className={screen === s.key ? 'active' : undefined} onClick={() => setScreen(s.key)}>
            {s.name}
          </button>
        ))}
      </nav>
      {screen === 'performance' ? (
        <PerformanceScreen workbook={workbook} send={send} setSchedules={setSchedules} notify={notify} />
      ) : (
        <ItemScreen key={screen} schedule={screen} workbook={workbook} findings={findings} setSchedules={setSchedules} notify={notify} />
      )}
    </div>
  );
}

function ItemScreen({ schedule, workbook, findings, setSchedules, notify }: { schedule: ItemSchedule; workbook: Workbook; findings: readonly CheckFinding[]; setSchedules(update: (s: Schedules) => Schedules): Promise<boolean>; notify: Props['notify'] }) {
  const spec = ITEM_SCHEDULES.find((s) => s.key === schedule)!;
  const columns = spec.columns as readonly ItemColumn<ScheduleItem>[];
  const items = (workbook.schedules?.[schedule] ?? []) as readonly ScheduleItem[];
  const blank = useMemo(() => ({ ...blankRecord(columns), unit: workbook.units[0]?.name ?? workbook.department }), [columns, workbook.units, workbook.department]);
  const onChange = useCallback((update: (list: readonly ScheduleItem[]) => ScheduleItem[]) => setSchedules((s) => ({ ...s, [schedule]: update(s[schedule] as ScheduleItem[]) })), [setSchedules, schedule]);
  const mine = findings.filter((f) => f.place.schedule === schedule);
  const flagged = new Set(mine.map((f) => f.place.item));
  const total = items.reduce((s, i) => s + i.amount, 0);
  const p = schedule === 'procurement' ? procurementFigures(workbook) : null;
  return (
    <section className="schedule" aria-label={spec.title}>
      <h2>{spec.title}</h2>
      <ItemGrid label={spec.title.replace(/预算表$/, '')} columns={columns} items={items} blank={blank} onChange={onChange} notify={notify} rowClass={(_, i) => (flagged.has(i) ? 'row-flagged' : undefined)} />
      <p className="schedule-total">
        合计 {formatYuan(total)} 元
        {p && `（货物 ${formatYuan(p.goods)} 元、工程 ${formatYuan(p.works)} 元、服务 ${formatYuan(p.services)} 元；面向中小企业预留 ${formatYuan(p.smeReserved)} 元，其中小微企业 ${formatYuan(p.smallMicro ?? 0)} 元）`}
      </p>
      {mine.length > 0 && (
        <ul className="schedule-findings">
          {mine.map((f, i) => (
            <li key={i} className={f.severity === '错误' ? 'finding error' : 'finding warning'}>
              <span className="severity">{f.severity}</span> {f.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PerformanceScreen({ workbook, send, setSchedules, notify }: { workbook: Workbook; send: Props['send']; setSchedules(update: (s: Schedules) => Schedules): Promise<boolean>; notify: Props['notify'] }) {
  const [target, setTarget] = useState(DEPARTMENT);
  const [pair, setPair] = useState({ level1: '', level2: '' });
  const project = workbook.projects.find((p) => p.name === target);
  const goal = project ? project.goals.annual : (workbook.schedules?.department.overall ?? '');
  const indicators = project ? project.indicators : (workbook.schedules?.department.indicators ?? []);
  const library = indicatorLibrary(workbook.schedules);
  const blank = useMemo(() => blankRecord(INDICATOR_COLUMNS), []);

  const change = useCallback(
    (update: (goal: string, list: readonly PerformanceIndicator[]) => { goal: string; indicators: PerformanceIndicator[] }) => {
      if (target === DEPARTMENT) return setSchedules((s) => {
        const next = update(s.department.overall, s.department.indicators);
        return { ...s, department: { overall: next.goal, indicators: next.indicators } };
      });
      return send((wb) => ({
        op: 'setProjects',
        projects: wb.projects.map((p) => {
          if (p.name !== target) return p;
          const next = update(p.goals.annual, p.indicators);
          return { ...p, goals: { ...p.goals, annual: next.goal }, indicators: next.indicators };
        }),
      }));
    },
    [target, setSchedules, send],
  );
  const onIndicators = useCallback((update: (list: readonly PerformanceIndicator[]) => PerformanceIndicator[]) => change((g, list) => ({ goal: g, indicators: update(list) })), [change]);

  return (
    <section className="schedule performance" aria-label="绩效目标">
      <h2>{target === DEPARTMENT ? '部门整体支出绩效目标表' : '项目支出绩效目标表'}</h2>
      <label>
        绩效目标属于
        <select value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value={DEPARTMENT}>{DEPARTMENT}</option>
          {workbook.projects.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="goal">
        {target === DEPARTMENT ? '总体目标' : '年度目标'}
        <textarea key={`${target}\u0000${goal}`} defaultValue={goal} rows={3} onBlur={(e) => e.target.value !== goal && void change((_, list) => ({ goal: e.target.value, indicators: [...list] }))} />
      </label>
      <ItemGrid label="绩效指标" columns={INDICATOR_COLUMNS} items={indicators} blank={blank} onChange={onIndicators} notify={notify} />
      <details className="indicator-library" open>
        <summary>指标库（标准的一级、二级指标，可自行增加）</summary>
        <ul>
          {library.map((i) => (
            <li key={`${i.level1}/${i.level2}`}>
              {i.level1} · {i.level2}{' '}
              <button type="button" onClick={() => void onIndicators((list) => [...list, { level1: i.level1, level2: i.level2, level3: '', value: '' }])}>
                加入
              </button>
            </li>
          ))}
        </ul>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!pair.level1.trim() || !pair.level2.trim()) return notify('请写明一级指标和二级指标的名称', 'error');
            void setSchedules((s) => ({ ...s, indicatorLibrary: [...s.indicatorLibrary, { level1: pair.level1.trim(), level2: pair.level2.trim() }] })).then((ok) => ok && setPair({ level1: '', level2: '' }));
          }}
        >
          <input aria-label="新的一级指标" placeholder="一级指标" value={pair.level1} onChange={(e) => setPair({ ...pair, level1: e.target.value })} />
          <input aria-label="新的二级指标" placeholder="二级指标" value={pair.level2} onChange={(e) => setPair({ ...pair, level2: e.target.value })} />
          <button type="submit">加入指标库</button>
        </form>
      </details>
    </section>
  );
}
