import { useCallback, useMemo } from 'react';
import type { EditRequest } from '../../../shared/contract/api';
import { confirmComputed, planSteps } from '../../../shared/core/compute/apply';
import { MAPPING_COLUMNS, STAFF_COLUMNS, STANDARD_COLUMNS } from '../../../shared/core/compute/layout';
import { emptyCompute, type ComputeSetup } from '../../../shared/core/compute/model';
import { computePlan, planChangesAnything, type LineChange } from '../../../shared/core/compute/propose';
import { exampleCompute } from '../../../shared/core/compute/standards';
import { blankRecord } from '../../../shared/core/itemColumns';
import type { Workbook } from '../../../shared/core/model';
import { formatYuan } from '../../../shared/core/money';
import { ItemGrid } from '../schedules/ItemGrid';

interface Props {
  workbook: Workbook;
  send(edit: EditRequest | ((workbook: Workbook) => EditRequest)): Promise<boolean>;
  notify(message: string, kind?: 'info' | 'error'): void;
}

const KIND_TEXT: Record<LineChange['kind'], string> = {
  insert: '新增',
  update: '金额变化',
  basis: '写入测算依据',
  same: '不变',
  kept: '手工改过，保留',
  delete: '删除',
};

/**
 * The setup changed: once lines have been computed, they follow in the same edit (one undo takes
 * both back), so the lines always agree with the staff and standards; before that, only the setup.
 */
function setupEdit(wb: Workbook, update: (s: ComputeSetup) => ComputeSetup): EditRequest {
  const compute = update(wb.compute ?? emptyCompute());
  if (compute.computed.length === 0) return { op: 'setCompute', compute };
  const plan = computePlan({ ...wb, compute });
  return { op: 'batch', edits: plan.proposal.problems.length > 0 ? [{ op: 'setCompute', compute }] : planSteps(plan) };
}

/** 人员与标准: staff, standards and the 功能分类 mapping, the lines they give, and applying them. */
export function StaffView({ workbook, send, notify }: Props) {
  const setup = workbook.compute;
  const plan = useMemo(() => computePlan(workbook), [workbook]);
  const change = useCallback(<K extends 'staff' | 'standards' | 'mapping'>(key: K) => (update: (list: readonly ComputeSetup[K][number][]) => ComputeSetup[K]) => send((wb) => setupEdit(wb, (s) => ({ ...s, [key]: update(s[key]) }))), [send]);
  const onStaff = useMemo(() => change('staff'), [change]);
  const onStandards = useMemo(() => change('standards'), [change]);
  const onMapping = useMemo(() => change('mapping'), [change]);
  const blanks = useMemo(() => ({ staff: { ...blankRecord(STAFF_COLUMNS), unit: workbook.units[0]?.name ?? '' }, standard: { ...blankRecord(STANDARD_COLUMNS), months: 12 }, mapping: blankRecord(MAPPING_COLUMNS) }), [workbook.units]);

  if (!setup) {
    return (
      <div className="staff empty">
        <p>这个工作簿还没有人员与标准。由人员和标准测算基本支出：工资福利按人数 × 月标准 × 月数，社保与公积金按工资基数 × 比例，公用经费按人数 × 定额。</p>
        <button type="button" onClick={() => void send({ op: 'setCompute', compute: exampleCompute() })}>
          从示例标准开始（示例数值，请改为本部门的标准）
        </button>{' '}
        <button type="button" onClick={() => void send({ op: 'setCompute', compute: emptyCompute() })}>
          从空白开始
        </button>
      </div>
    );
  }

  const changes = plan.changes.filter((c) => c.kind !== 'same').length;
  const apply = () =>
    void send((wb) => ({ op: 'batch', edits: planSteps(computePlan(wb)) })).then((ok) => ok && notify('已应用测算（可按 Ctrl+Z 一次撤销）'));
  const confirm = (c: LineChange & { kind: 'kept' }) =>
    void send((wb) => ({ op: 'setCompute', compute: confirmComputed(wb.compute!, c.line, c.line.amount) })).then((ok) => ok && notify('已确认手工调整的金额'));
  const computedTotal = plan.proposal.lines.reduce((s, l) => s + l.amount, 0);

  return (
    <div className="staff">
      <section aria-label="人员">
        <h2>人员</h2>
        <ItemGrid label="人员" columns={STAFF_COLUMNS} items={setup.staff} blank={blanks.staff} onChange={onStaff} notify={notify} />
      </section>
      <section aria-label="标准">
        <h2>标准</h2>
        <p className="hint">每一项标准都由本部门设定。计算方式：月标准 = 人数 × 标准 × 月数；年定额 = 人数 × 标准；比例 = 工资基数（所列经济分类之和）× 比例，按分四舍五入。</p>
        <ItemGrid label="标准" columns={STANDARD_COLUMNS} items={setup.standards} blank={blanks.standard} onChange={onStandards} notify={notify} />
      </section>
      <section aria-label="功能分类对应">
        <h2>功能分类对应</h2>
        <ItemGrid label="功能分类对应" columns={MAPPING_COLUMNS} items={setup.mapping} blank={blanks.mapping} onChange={onMapping} notify={notify} height={6} />
      </section>
      <section aria-label="测算结果" className="compute-result">
        <h2>测算结果</h2>
        {plan.proposal.problems.length > 0 && (
          <ul className="compute-problems">
            {plan.proposal.problems.map((p, i) => (
              <li key={i} className="finding error">
                {p.message}
              </li>
            ))}
          </ul>
        )}
        <table className="compute-lines">
          <thead>
            <tr>
              <th>单位</th>
              <th>功能分类</th>
              <th>经济分类</th>
              <th>现有金额</th>
              <th>测算金额</th>
              <th>处理</th>
              <th>测算依据</th>
            </tr>
          </thead>
          <tbody>
            {plan.changes.map((c, i) => {
              const place = 'line' in c ? c.line : c.proposed;
              return (
                <tr key={i} className={`change-${c.kind}`}>
                  <td>{place.unit}</td>
                  <td>{place.functionCode}</td>
                  <td>{place.economicCode}</td>
                  <td className="num">{'line' in c ? formatYuan(c.line.amount) : ''}</td>
                  <td className="num">{c.kind === 'delete' ? '0.00' : c.proposed ? formatYuan(c.proposed.amount) : ''}</td>
                  <td>
                    {KIND_TEXT[c.kind]}
                    {c.kind === 'kept' && (
                      <button type="button" onClick={() => confirm(c)}>
                        确认此金额
                      </button>
                    )}
                  </td>
                  <td>{c.kind === 'delete' ? '' : c.proposed?.basis}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p>
          测算明细 {plan.proposal.lines.length} 条，合计 {formatYuan(computedTotal)} 元。{' '}
          <button type="button" disabled={!planChangesAnything(workbook, plan) || plan.proposal.problems.length > 0} onClick={apply}>
            应用测算{changes > 0 ? `（${changes} 处变化）` : ''}
          </button>
        </p>
      </section>
    </div>
  );
}
