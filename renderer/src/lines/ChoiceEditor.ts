import { matchChoices } from './choiceMatch';
import { PickerEditor, type PickerOption } from './PickerEditor';

export interface ChoiceEditorParams {
  /** The choices at the time of editing (the registered units change with the workbook). */
  options: () => readonly string[];
  /** Whether a text that matches no choice may stand (a unit not yet registered is marked, not refused). */
  free: boolean;
}

/**
 * A choice cell's editor (支出类型, 资金来源, 经费类型, 单位名称): typing narrows the list by the first
 * characters or the pinyin initials (`xm` 项目支出), and the first match is taken by Enter or Tab.
 */
export class ChoiceEditor extends PickerEditor<ChoiceEditorParams> {
  protected search(query: string): PickerOption[] {
    return matchChoices(this.params.options(), query).map((o) => ({ value: o, code: '', name: o }));
  }

  protected takesFirst(query: string): boolean {
    return query !== '';
  }

  protected label(): string {
    return '输入文字或拼音首字母选择';
  }

  protected emptyText(): string {
    return this.params.free ? '不是已登记的单位；按回车仍按所填名称保存' : '没有匹配的选项';
  }
}
