/**
 * Excel's entry flow: Tab, Tab, … across a row while entering, then Enter goes to the next row in
 * the column where the Tabs began. Any other move ends the flow; Enter without entries moves down.
 */
export class EntryFlow {
  private start: number | null = null;
  private entered = false;

  /** A Tab from `column` (the column's index). */
  tab(column: number): void {
    if (this.start === null) this.start = column;
  }

  /** A value was committed in the row being entered. */
  entry(): void {
    this.entered = true;
  }

  /** Enter: the column to go to in the next row, or null to move straight down. Ends the flow. */
  enter(): number | null {
    const column = this.entered ? this.start : null;
    this.reset();
    return column;
  }

  reset(): void {
    this.start = null;
    this.entered = false;
  }
}
