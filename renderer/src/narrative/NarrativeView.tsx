import type { EditRequest } from '../../../shared/contract/api';
import type { Narrative, NarrativeEdit } from '../../../shared/core/narrative/index';
import { measureKey } from '../../../shared/core/measures';
import type { Workbook } from '../../../shared/core/model';
import type { YoyRow } from '../../../shared/core/yoy';
import { ReasonField } from '../changes/ReasonField';
import { EnteredFields } from './EnteredFields';
import { TextField } from '../texts/TextField';
import { setPurpose } from '../texts/textEdits';

interface Props {
  workbook: Workbook;
  narrative: Narrative;
  /** The label of a year-on-year measure, for a reason's field. */
  labelOf(key: string): string;
  /** The explained change of a measure (with its reason and whether it is flagged). */
  changeOf(key: string): YoyRow | undefined;
  send(edit: EditRequest): Promise<boolean>;
  /** The unit whose text is shown (单位预算); undefined for the department's. */
  unit?: string;
  onUnit(unit: string | undefined): void;
}

function EditField({ edit, workbook, labelOf, changeOf, send }: { edit: NarrativeEdit } & Omit<Props, 'narrative' | 'unit' | 'onUnit'>) {
  if (edit.kind === 'purpose') {
    return (
      <TextField
        label={`${edit.code} ${labelOf(measureKey.function(edit.code))}的用途`}
        placeholder="例如：主要用于……"
        value={workbook.texts.purposes[edit.code] ?? ''}
        onCommit={(v) => void send(setPurpose(workbook.texts, edit.code, v))}
      />
    );
  }
  if (edit.kind === 'entered') return <EnteredFields part={edit.part} entered={workbook.entered} send={send} />;
  const change = changeOf(edit.key);
  return change ? <ReasonField change={change} texts={workbook.texts} label={`${labelOf(edit.key) || change.label}的变动原因`} rows={2} send={send} /> : null;
}

/** 编制说明: the text as generated from the figures, with the 用途 and reasons it uses editable beside it. */
export function NarrativeView({ workbook, narrative, labelOf, changeOf, send, unit, onUnit }: Props) {
  const units = [...new Set(workbook.lines.map((l) => l.unit))];
  return (
    <div className="narrative">
      {units.length > 1 && (
        <label className="field">
          <span>说明范围</span>
          <select value={unit ?? ''} onChange={(e) => onUnit(e.target.value === '' ? undefined : e.target.value)}>
            <option value="">部门预算：{workbook.department}</option>
            {units.map((u) => (
              <option key={u} value={u}>
                单位预算：{u}（本单位）
              </option>
            ))}
          </select>
        </label>
      )}
      {unit !== undefined && <p className="notice">单位预算的说明由该单位的明细生成；用途、原因与录入数在部门预算的说明中填写。</p>}
      {narrative.baselineNote && <p className="notice">说明：{narrative.baselineNote}</p>}
      {narrative.notes.map((n) => (
        <p key={n} className="notice">
          说明：{n}
        </p>
      ))}
      {narrative.gaps.length > 0 && (
        <div className="notice warn">
          <strong>待补充：</strong>
          <ul>
            {narrative.gaps.map((g, i) => (
              <li key={i}>{g}</li>
            ))}
          </ul>
        </div>
      )}
      {narrative.chapters.map((chapter, c) => (
        <section key={c} className="chapter">
          <h2>{chapter.title}</h2>
          {chapter.sections.map((section) => (
            <section key={section.id} className="section">
              {section.title && <h3>{section.title}</h3>}
              {section.paragraphs.map((p, i) => (
                <div key={i} className={p.listItem ? 'paragraph list-item' : 'paragraph'}>
                  <p className="generated">{p.text}</p>
                  {unit === undefined && p.edits.length > 0 && (
                    <div className="beside">
                      {p.edits.map((e) => (
                        <EditField key={e.kind === 'purpose' ? `p${e.code}` : e.kind === 'reason' ? `r${e.key}` : `e${e.part}`} edit={e} workbook={workbook} labelOf={labelOf} changeOf={changeOf} send={send} />
                      ))}
                    </div>
                  )}
                </div>
              ))}
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}
