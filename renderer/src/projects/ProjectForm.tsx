import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CheckFinding } from '../../../shared/core/checks/index';
import type { Project, Workbook } from '../../../shared/core/model';
import { formatYuan } from '../../../shared/core/money';
import { annualRequest, calculationResult, findProject, projectLines, projectLinesAmount } from '../../../shared/core/projects';
import type { WorkbookSession } from '../useWorkbook';
import { FormInput } from './FormInput';
import { IndicatorTable } from './IndicatorTable';
import { checkDate, checkFund, newProject, renameProject, saveProject, type FundKey } from './projectEdits';

interface Props {
  workbook: Workbook;
  name: string;
  /** The unit of the line the form was opened from: the 实施单位 of a new record (else its first line's). */
  unit?: string;
  findings: readonly CheckFinding[];
  send: WorkbookSession['send'];
  notify(message: string, kind?: 'info' | 'error'): void;
  onRenamed(name: string): void;
  /** Undoes the file's last edit (the app's 撤销, which the form covers). */
  onUndo(): void;
  onClose(): void;
}

type TextKey = 'category' | 'implementer' | 'overview' | 'legalBasis' | 'executor' | 'plan' | 'period' | 'calculationNote';

/** The 项目经费情况说明's sections, in its order. */
const EXPLANATION: readonly [TextKey, string][] = [
  ['overview', '一、项目概述'],
  ['legalBasis', '二、立项依据'],
  ['executor', '三、实施主体'],
  ['plan', '四、实施方案'],
  ['period', '五、实施周期'],
];

/** The 项目资金 part of the 申报表, row by row: the project's money beside the year's ('annual' is their sum, shown). */
const FUNDS: readonly (readonly [FundKey | 'annual' | null, string])[] = [
  ['total', '项目资金总额'],
  ['annual', '年度资金申请总额'],
  ['fiscal', '其中：财政资金'],
  ['currentYearFiscal', '其中：当年财政拨款'],
  [null, ''],
  ['carriedOver', '上年结转资金'],
  ['other', '其他资金'],
  ['otherAnnual', '其他资金（年度）'],
];

/**
 * 项目信息: one project's 经费情况说明, 测算 and 绩效目标申报表, opened from its line. Each field is
 * saved when it is left, as one `setProjects` edit (one undo step).
 */
export function ProjectForm({ workbook, name, unit, findings, send, notify, onRenamed, onUndo, onClose }: Props) {
  const project = findProject(workbook, name);
  const [calculation, setCalculation] = useState(project?.calculation ?? '');
  useEffect(() => setCalculation(project?.calculation ?? ''), [project?.calculation]);

  // Keys go to the form while it is open (not to the grid behind it); focus returns where it was.
  const dialog = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const before = document.activeElement;
    dialog.current?.focus();
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);

  // Listening from the moment the form has the focus (a layout effect, as the focus above): with a
  // plain effect an Escape pressed before the next paint reached no one and the form stayed open.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.isComposing) return;
      e.stopPropagation();
      // Leaving the field saves it before the form goes.
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      onClose();
    };
    // The grid behind may take the focus back once it has handled the key that opened the form:
    // while the form is open, focus stays inside it (and Escape is seen first, in the capture phase).
    const keepFocus = (e: FocusEvent) => {
      const form = dialog.current;
      if (form && e.target instanceof Node && !form.contains(e.target)) form.focus();
    };
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('focusin', keepFocus, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('focusin', keepFocus, true);
    };
  }, [onClose]);

  /** Saves a change to the project as the file holds it when the edit's turn comes. */
  const save = (change: (p: Project) => Project): boolean => {
    void send((wb) => saveProject(wb, name, change(findProject(wb, name) ?? project!)));
    return true;
  };
  const refuse = (reason: string): boolean => {
    notify(`项目信息未修改：${reason}`, 'error');
    return false;
  };

  const lines = projectLines(workbook.lines, name);
  const implementer = unit ?? lines[0]?.unit ?? workbook.department;
  const own = findings.filter((f) => f.place.project === name);

  return (
    <div className="modal-backdrop">
      <div className="modal project-form" role="dialog" aria-modal="true" aria-label={`项目信息：${name}`} tabIndex={-1} ref={dialog}>
        <header className="project-form-head">
          <h3>项目信息：{name}</h3>
          <span className="hint">{lines.length} 行项目支出明细，合计 {formatYuan(projectLinesAmount(workbook.lines, name))} 元。修改在离开输入框时保存。</span>
          <button type="button" onClick={onUndo} title="撤销上一步修改（Ctrl+Z）">
            撤销
          </button>
          <button type="button" onClick={onClose}>
            关闭
          </button>
        </header>
        {!project ? (
          <div className="project-missing">
            <p>项目“{name}”还没有项目信息（经费情况说明、测算和绩效目标申报表）。</p>
            <button type="button" className="primary" onClick={() => void send(saveProject(workbook, name, newProject(workbook, name, implementer)))}>
              建立项目信息
            </button>
            <p className="hint">将以“{implementer}”为实施单位，以这些明细的金额填写项目资金；建立后可逐项修改。</p>
          </div>
        ) : (
          <div className="project-body">
            <section className="project-findings" aria-label="本项目的审核结果">
              {own.length === 0 ? (
                <p className="good">本项目审核通过</p>
              ) : (
                <ul>
                  {own.map((f, i) => (
                    <li key={i} className={f.severity === '错误' ? 'finding error' : 'finding warning'}>
                      <span className="severity">{f.severity}</span> {f.message}
                    </li>
                  ))}
                </ul>
              )}
            </section>

            <section>
              <h4>基本信息</h4>
              <div className="form-grid">
                <FormInput
                  label="项目名称"
                  value={project.name}
                  onCommit={(text) => {
                    const r = renameProject(workbook, project, text);
                    if (!r.ok) return refuse(r.reason);
                    void send(r.value).then((ok) => ok && onRenamed(text.trim()));
                    return true;
                  }}
                />
                <FormInput label="项目类别" value={project.category} onCommit={(text) => save((p) => ({ ...p, category: text.trim() }))} />
                <div className="form-field" title="主管部门即编制部门，在“基本信息”中修改">
                  <span>主管部门</span>
                  <output>{workbook.department}</output>
                </div>
                <FormInput label="实施单位" value={project.implementer} onCommit={(text) => save((p) => ({ ...p, implementer: text.trim() }))} />
                {(['start', 'end'] as const).map((key) => (
                  <FormInput
                    key={key}
                    label={key === 'start' ? '计划开始日期' : '计划完成日期'}
                    value={project[key]}
                    onCommit={(text) => {
                      const r = checkDate(text);
                      return r.ok ? r.value !== project[key] && save((p) => ({ ...p, [key]: r.value })) : refuse(r.reason);
                    }}
                  />
                ))}
              </div>
            </section>

            <section>
              <h4>项目资金（元）</h4>
              <div className="form-grid funds">
                {FUNDS.map(([key, label], i) =>
                  key === null ? (
                    <span key={i} />
                  ) : key === 'annual' ? (
                    <div key={key} className="form-field">
                      <span>{label}</span>
                      <output className="amount" aria-label={label}>
                        {formatYuan(annualRequest(project))}
                      </output>
                    </div>
                  ) : (
                    <FormInput
                      key={key}
                      label={label}
                      value={formatYuan(project.funds[key])}
                      className="amount"
                      onCommit={(text) => {
                        const r = checkFund(text);
                        if (!r.ok) return refuse(r.reason);
                        return r.value !== project.funds[key] && save((p) => ({ ...p, funds: { ...p.funds, [key]: r.value } }));
                      }}
                    />
                  ),
                )}
              </div>
            </section>

            <section className="project-calc">
              <h4>测算</h4>
              <FormInput label="测算算式（元，如 43*128*12+3250*12）" value={project.calculation} onDraft={setCalculation} onCommit={(text) => save((p) => ({ ...p, calculation: text.trim() }))} />
              <CalculationResult project={{ ...project, calculation }} lines={projectLinesAmount(workbook.lines, name)} />
              <FormInput label="测算说明" value={project.calculationNote} rows={2} onCommit={(text) => save((p) => ({ ...p, calculationNote: text.trim() }))} />
            </section>

            <section>
              <h4>项目经费情况说明</h4>
              {EXPLANATION.map(([key, label]) => (
                <FormInput key={key} label={label} value={project[key]} rows={key === 'period' ? 1 : 3} onCommit={(text) => save((p) => ({ ...p, [key]: text.trim() }))} />
              ))}
            </section>

            <section>
              <h4>绩效目标</h4>
              <div className="form-grid goals">
                <FormInput label="项目总目标" value={project.goals.overall} rows={2} onCommit={(text) => save((p) => ({ ...p, goals: { ...p.goals, overall: text.trim() } }))} />
                <FormInput label="年度总目标" value={project.goals.annual} rows={2} onCommit={(text) => save((p) => ({ ...p, goals: { ...p.goals, annual: text.trim() } }))} />
              </div>
              <IndicatorTable indicators={project.indicators} onChange={(update) => save((p) => ({ ...p, indicators: update(p.indicators) }))} />
            </section>
          </div>
        )}
      </div>
    </div>
  );
}

/** The 测算 as typed, evaluated live, beside the budget and the lines. */
function CalculationResult({ project, lines }: { project: Project; lines: number }) {
  const calc = calculationResult(project);
  const budget = annualRequest(project);
  let verdict: { text: string; kind: 'good' | 'warn' | 'bad' };
  if (!calc) verdict = { text: '未填写测算', kind: 'warn' };
  else if (!calc.ok) verdict = { text: `无法计算：${calc.reason}`, kind: 'bad' };
  else if (calc.fen === budget) verdict = { text: '测算与预算一致', kind: 'good' };
  else verdict = { text: `测算${calc.fen < budget ? '少于' : '多于'}预算 ${formatYuan(Math.abs(budget - calc.fen))} 元`, kind: 'warn' };
  return (
    <dl className="calc-result">
      <dt>测算结果</dt>
      <dd className="amount">{calc?.ok ? `${formatYuan(calc.fen)} 元` : '—'}</dd>
      <dt>年度资金申请总额</dt>
      <dd className="amount">{formatYuan(budget)} 元</dd>
      <dt>项目支出明细合计</dt>
      <dd className="amount">{formatYuan(lines)} 元</dd>
      <dd className={`calc-verdict ${verdict.kind}`}>{verdict.text}</dd>
    </dl>
  );
}
