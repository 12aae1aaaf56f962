import { useState } from 'react';
import type { Bridge } from '../../../shared/contract/calls';
import type { CheckFinding } from '../../../shared/core/checks/index';
import type { Workbook } from '../../../shared/core/model';

interface Props {
  bridge: Bridge;
  workbook: Workbook;
  findings: readonly CheckFinding[];
  onShowChecks(): void;
}

type Stage = { kind: 'idle' } | { kind: 'confirm'; errors: number; gaps: readonly CheckFinding[] } | { kind: 'running' } | { kind: 'done'; savedTo: string | null; downloaded: boolean } | { kind: 'failed'; message: string };

const DEPARTMENT = '';

/** The warnings that leave the publication incomplete: a project not explained, a change without its reason. */
const GAP_RULES: readonly string[] = ['P-NO-RECORD', 'P-NO-TARGETS', 'P-NO-LINES', 'N-REASON'];

/** 导出: the nine tables, the text and the lines as one Excel file; with errors it asks first. */
export function ExportView({ bridge, workbook, findings, onShowChecks }: Props) {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [unit, setUnit] = useState(DEPARTMENT);
  const errors = findings.filter((f) => f.severity === '错误').length;
  const gaps = findings.filter((f) => GAP_RULES.includes(f.rule));

  const run = async () => {
    setStage({ kind: 'running' });
    try {
      const result = await bridge.call('excel.export', unit === DEPARTMENT ? {} : { unit });
      if (result.downloadUrl) {
        const link = document.createElement('a');
        link.href = result.downloadUrl;
        link.download = '';
        document.body.append(link);
        link.click();
        link.remove();
      }
      setStage({ kind: 'done', savedTo: result.savedTo, downloaded: result.downloadUrl !== undefined });
    } catch (e) {
      setStage({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <div className="export">
      <h2>导出 Excel</h2>
      <p>导出的文件包含九张公开表（合并表头、打印设置）、编制说明与其他相关情况说明，以及全部明细。</p>
      <label className="field">
        <span>导出范围</span>
        <select value={unit} onChange={(e) => setUnit(e.target.value)}>
          <option value={DEPARTMENT}>部门预算：{workbook.department}</option>
          {workbook.units.map((u) => (
            <option key={u.name} value={u.name}>
              单位预算：{u.name}
            </option>
          ))}
        </select>
      </label>
      <p className={errors > 0 ? 'bad' : 'good'}>{errors > 0 ? `审核发现 ${errors} 个错误。` : '审核未发现错误。'}</p>
      {gaps.length > 0 && <p className="bad">公开文本尚不完整：{gaps.length} 处（项目未说明、变动原因未写或可能已过时）。</p>}
      <button
        type="button"
        className="primary"
        disabled={stage.kind === 'running'}
        onClick={() => (errors > 0 || gaps.length > 0 ? setStage({ kind: 'confirm', errors, gaps }) : void run())}
      >
        导出 Excel
      </button>
      {stage.kind === 'running' && (
        <div className="progress" role="progressbar" aria-label="正在导出">
          <div className="bar" />
          <span>正在生成公开表、编制说明和明细……</span>
        </div>
      )}
      {stage.kind === 'done' && (
        <div className="notice good" role="status">
          {stage.savedTo ? (
            <>
              已导出到 <code>{stage.savedTo}</code>
            </>
          ) : stage.downloaded ? (
            '已导出，浏览器正在下载文件；可在浏览器的“下载内容”中打开所在文件夹。'
          ) : (
            '已取消导出。'
          )}
        </div>
      )}
      {stage.kind === 'failed' && (
        <div className="notice bad" role="alert">
          导出失败：{stage.message}
        </div>
      )}
      {stage.kind === 'confirm' && (
        <div className="modal-backdrop">
          <div className="modal" role="dialog" aria-modal="true" aria-label="确认导出">
            <h3>{stage.errors > 0 ? `审核还有 ${stage.errors} 个错误` : `公开文本还有 ${stage.gaps.length} 处未完成`}</h3>
            {stage.errors > 0 && <p>带着错误导出的公开表可能前后不一致。建议先到“审核”中改正。</p>}
            {stage.gaps.length > 0 && (
              <>
                <p>以下内容导出后公开文本中将缺少或可能不实：</p>
                <ul className="gaps">
                  {stage.gaps.slice(0, 8).map((g, i) => (
                    <li key={i}>{g.message}</li>
                  ))}
                  {stage.gaps.length > 8 && <li>……另有 {stage.gaps.length - 8} 处</li>}
                </ul>
              </>
            )}
            <p>仍要导出吗？</p>
            <div className="modal-actions">
              <button
                type="button"
                onClick={() => {
                  setStage({ kind: 'idle' });
                  onShowChecks();
                }}
              >
                查看审核结果
              </button>
              <button type="button" className="danger" onClick={() => void run()}>
                仍然导出
              </button>
              <button type="button" onClick={() => setStage({ kind: 'idle' })}>
                取消
              </button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
