import type { ICellEditorComp, ICellEditorParams } from 'ag-grid-community';
import type { Catalog, CatalogEntry, CatalogKind } from '../../../shared/core/catalog/catalog';
import { searchCatalog } from './lineCells';
import type { GridRow } from './gridRows';

export interface CodeEditorParams {
  kind: CatalogKind;
  /** The workbook's catalog of that kind (an imported edition, or the built-in one), at the time of editing. */
  catalog: () => Catalog;
}

const SHOWN = 30;

/**
 * The code cell's editor: the code as typed, and under it the catalog's leaf codes that start with
 * it or whose names contain it (`2120199` or `城乡社区`). ↑/↓ choose, Enter or a click takes the
 * choice; a search by name takes the first match unless another is chosen.
 *
 * A plain DOM component rather than a React one: the grid creates it and focuses its input in the
 * same keystroke that started editing, so no key typed quickly after the first one is lost.
 */
export class CodeEditor implements ICellEditorComp<GridRow, string> {
  private root!: HTMLDivElement;
  private input!: HTMLInputElement;
  private list!: HTMLUListElement;
  private params!: ICellEditorParams<GridRow, string> & CodeEditorParams;
  private matches: CatalogEntry[] = [];
  /** The entry chosen with the arrows or the mouse; -1 when none is. */
  private chosen = -1;

  init(params: ICellEditorParams<GridRow, string> & CodeEditorParams): void {
    this.params = params;
    this.root = document.createElement('div');
    this.root.className = 'code-editor';
    this.input = document.createElement('input');
    this.input.className = 'code-editor-input';
    this.input.setAttribute('aria-label', '科目编码或名称');
    this.input.placeholder = '输入编码或名称搜索';
    this.input.value = params.eventKey && params.eventKey.length === 1 ? params.eventKey : (params.value ?? '');
    this.list = document.createElement('ul');
    this.list.className = 'code-editor-list';
    this.list.setAttribute('role', 'listbox');
    this.root.append(this.input, this.list);

    this.input.addEventListener('input', () => {
      this.chosen = -1;
      this.search();
    });
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        const active = this.active();
        this.chosen = e.key === 'ArrowDown' ? Math.min(active + 1, this.matches.length - 1) : Math.max(active - 1, -1);
        this.render();
        e.preventDefault();
        e.stopPropagation();
      }
    });
    this.list.addEventListener('mousedown', (e) => {
      const item = (e.target as HTMLElement).closest('li[data-index]');
      if (!item) return;
      e.preventDefault();
      this.chosen = Number(item.getAttribute('data-index'));
      this.params.stopEditing();
    });
    this.search();
  }

  getGui(): HTMLElement {
    return this.root;
  }

  afterGuiAttached(): void {
    this.input.focus();
    const end = this.input.value.length;
    this.input.setSelectionRange(end, end);
  }

  isPopup(): boolean {
    return true;
  }

  getPopupPosition(): 'under' {
    return 'under';
  }

  getValue(): string {
    const active = this.active();
    return active >= 0 ? this.matches[active].code : this.input.value;
  }

  private active(): number {
    if (this.chosen >= 0) return this.chosen;
    return /\D/.test(this.input.value.trim()) && this.matches.length > 0 ? 0 : -1;
  }

  private search(): void {
    this.matches = searchCatalog(this.params.kind, this.input.value, SHOWN, this.params.catalog());
    this.render();
  }

  private render(): void {
    const active = this.active();
    const items = this.matches.map((m, i) => {
      const li = document.createElement('li');
      li.setAttribute('role', 'option');
      li.setAttribute('data-index', String(i));
      li.setAttribute('aria-selected', String(i === active));
      if (i === active) li.className = 'active';
      const code = document.createElement('span');
      code.className = 'code';
      code.textContent = m.code;
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = m.name;
      li.append(code, name);
      return li;
    });
    if (items.length === 0) {
      const empty = document.createElement('li');
      empty.className = 'code-editor-empty';
      empty.textContent = '科目表中没有匹配的末级科目';
      items.push(empty);
    }
    this.list.replaceChildren(...items);
    this.list.querySelector('li.active')?.scrollIntoView({ block: 'nearest' });
  }
}
