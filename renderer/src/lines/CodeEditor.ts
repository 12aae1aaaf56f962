import type { Catalog, CatalogKind } from '../../../shared/core/catalog/catalog';
import { searchCatalog } from './lineCells';
import { PickerEditor, type PickerOption } from './PickerEditor';

export interface CodeEditorParams {
  kind: CatalogKind;
  /** The workbook's catalog of that kind (an imported edition, or the built-in one), at the time of editing. */
  catalog: () => Catalog;
}

const SHOWN = 30;

/**
 * The code cell's editor: the code as typed, and under it the catalog's leaf codes that start with
 * it or whose names contain it (`2120199` or `城乡社区`). Digits stay as typed unless a code is
 * chosen; a search by name takes the first match unless another is chosen.
 */
export class CodeEditor extends PickerEditor<CodeEditorParams> {
  protected search(query: string): PickerOption[] {
    return searchCatalog(this.params.kind, query, SHOWN, this.params.catalog()).map((e) => ({ value: e.code, code: e.code, name: e.name }));
  }

  protected takesFirst(query: string): boolean {
    return /\D/.test(query);
  }

  protected label(): string {
    return '科目编码或名称';
  }

  protected emptyText(): string {
    return '科目表中没有匹配的末级科目';
  }
}
