import { resolve } from 'node:path';

/** An open workbook: its file, and the window that shows it. */
export interface Document<W, F> {
  path: string;
  window: W;
  file: F;
}

/**
 * The open workbooks, one window each: found by path (to focus the window instead of opening a
 * file twice) and by the id of the window's web contents (to route a call to its file).
 */
export class Documents<W extends { webContents: { id: number } }, F> {
  private readonly byPath = new Map<string, Document<W, F>>();

  constructor(private readonly caseInsensitive: boolean) {}

  private key(path: string): string {
    const full = resolve(path);
    return this.caseInsensitive ? full.toLowerCase() : full;
  }

  find(path: string): Document<W, F> | undefined {
    return this.byPath.get(this.key(path));
  }

  ofContents(id: number): Document<W, F> | undefined {
    for (const doc of this.byPath.values()) if (doc.window.webContents.id === id) return doc;
    return undefined;
  }

  ofWindow(window: unknown): Document<W, F> | undefined {
    for (const doc of this.byPath.values()) if (doc.window === window) return doc;
    return undefined;
  }

  add(doc: Document<W, F>): void {
    if (this.find(doc.path)) throw new Error(`工作簿已打开：${doc.path}`);
    this.byPath.set(this.key(doc.path), doc);
  }

  remove(doc: Document<W, F>): void {
    if (this.byPath.get(this.key(doc.path)) === doc) this.byPath.delete(this.key(doc.path));
  }

  get size(): number {
    return this.byPath.size;
  }
}
