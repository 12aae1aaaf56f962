import type { ICellEditorComp, ICellEditorParams } from 'ag-grid-community';
import type { GridRow } from './gridRows';
import { startText } from './editorStart';

/**
 * The editor of a text or amount cell: a text box in the cell that starts as Excel's does
 * (`startText`: an input method's composition starts it empty and lands in it whole).
 */
export class TextEditor implements ICellEditorComp<GridRow, string> {
  private input!: HTMLInputElement;

  init(params: ICellEditorParams<GridRow, string>): void {
    this.input = document.createElement('input');
    this.input.className = 'ag-input-field-input text-editor';
    this.input.setAttribute('aria-label', params.column.getColDef().headerName ?? '');
    this.input.value = startText(params.eventKey, params.value ?? '');
    this.input.addEventListener('keydown', (e) => {
      if (e.isComposing) e.stopPropagation();
    });
  }

  getGui(): HTMLElement {
    return this.input;
  }

  afterGuiAttached(): void {
    this.input.focus();
    const end = this.input.value.length;
    this.input.setSelectionRange(end, end);
  }

  getValue(): string {
    return this.input.value;
  }
}
