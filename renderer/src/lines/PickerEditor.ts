import type { ICellEditorComp, ICellEditorParams } from 'ag-grid-community';
import type { GridRow } from './gridRows';
import { startText } from './editorStart';

/** One entry of a picker's list: the value it puts in the cell, and what the list shows. */
export interface PickerOption {
  value: string;
  /** Shown in a narrow first column (a code); empty for plain choices. */
  code: string;
  name: string;
}

/**
 * A cell editor with a text box and a list under it (codes, fixed choices, units). The text box
 * starts as Excel's cell does (`startText`); ↑/↓ choose, Enter, Tab or a click take the highlighted
 * entry, otherwise the typed text is the value.
 *
 * A plain DOM component rather than a React one: the grid creates it and focuses its input in the
 * same keystroke that started editing, so no key typed quickly after the first one is lost, and an
 * input method's composition lands in it.
 */
export abstract class PickerEditor<P> implements ICellEditorComp<GridRow, string> {
  protected root!: HTMLDivElement;
  protected input!: HTMLInputElement;
  private list!: HTMLUListElement;
  protected params!: ICellEditorParams<GridRow, string> & P;
  private matches: PickerOption[] = [];
  /** The entry chosen with the arrows or the mouse; -1 when none is. */
  private chosen = -1;

  protected abstract search(query: string): PickerOption[];
  /** Whether the first match stands for the typed text unless another is chosen. */
  protected abstract takesFirst(query: string): boolean;
  protected abstract label(): string;
  protected abstract emptyText(): string;

  init(params: ICellEditorParams<GridRow, string> & P): void {
    this.params = params;
    this.root = document.createElement('div');
    this.root.className = 'code-editor';
    this.input = document.createElement('input');
    this.input.className = 'code-editor-input';
    this.input.setAttribute('aria-label', this.label());
    this.input.placeholder = '输入以搜索';
    this.input.value = startText(params.eventKey, params.value ?? '');
    this.list = document.createElement('ul');
    this.list.className = 'code-editor-list';
    this.list.setAttribute('role', 'listbox');
    this.root.append(this.input, this.list);

    this.input.addEventListener('input', () => {
      this.chosen = -1;
      this.update();
    });
    this.input.addEventListener('keydown', (e) => {
      // Keys an input method is composing with are its own (Enter picks its candidate, not ours).
      if (e.isComposing) {
        e.stopPropagation();
        return;
      }
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
    this.update();
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
    return active >= 0 ? this.matches[active].value : this.input.value;
  }

  private active(): number {
    if (this.chosen >= 0) return this.chosen;
    return this.takesFirst(this.input.value.trim()) && this.matches.length > 0 ? 0 : -1;
  }

  private update(): void {
    this.matches = this.search(this.input.value);
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
      if (m.code !== '') {
        const code = document.createElement('span');
        code.className = 'code';
        code.textContent = m.code;
        li.append(code);
      }
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = m.name;
      li.append(name);
      return li;
    });
    if (items.length === 0) {
      const empty = document.createElement('li');
      empty.className = 'code-editor-empty';
      empty.textContent = this.emptyText();
      items.push(empty);
    }
    this.list.replaceChildren(...items);
    this.list.querySelector('li.active')?.scrollIntoView({ block: 'nearest' });
  }
}
