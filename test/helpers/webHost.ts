import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { startWebHost, type WebHost } from '../../main/web/server';
import { WorkbookFile } from '../../main/workbook/file';

export interface TestHost {
  host: WebHost;
  port: number;
  file: WorkbookFile;
  dir: string;
  close(): Promise<void>;
}

/** The browser host, in this process, on a sample workbook file and a one-page screen. */
export async function startTestHost(): Promise<TestHost> {
  const dir = mkdtempSync(join(tmpdir(), 'budget-host-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>预算</title>');
  const file = WorkbookFile.create(join(dir, 'host.budget'), sampleWorkbook());
  const host = await startWebHost({ file, rendererDir, exportTo: async () => {}, downloadName: () => 'x.xlsx' });
  return {
    host,
    port: Number(new URL(host.origin).port),
    file,
    dir,
    async close() {
      await host.close();
      file.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Sends bytes as they are on a fresh connection and returns all that came back once the host closes
 * it (a request should say `Connection: close`). A host still waiting for more after 5 s (a request
 * cut short) gets the end of the stream, and 5 s later the connection is dropped.
 */
export function rawRequest(port: number, bytes: string | Uint8Array): Promise<string> {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? done(Buffer.concat(chunks).toString('utf8')) : fail(e)));
    socket.on('close', () => done(Buffer.concat(chunks).toString('utf8')));
    let ended = false;
    socket.setTimeout(5_000, () => {
      if (ended) socket.destroy();
      ended = true;
      socket.end();
    });
    socket.on('connect', () => socket.write(bytes));
  });
}

/** The status code of a raw HTTP answer, or undefined when the host closed without one. */
export function statusOf(answer: string): number | undefined {
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(answer);
  return m ? Number(m[1]) : undefined;
}

/** The body of a raw HTTP answer, chunked transfer decoded. */
export function bodyOf(answer: string): string {
  const split = answer.indexOf('\r\n\r\n');
  if (split < 0) return '';
  const head = answer.slice(0, split);
  let rest = answer.slice(split + 4);
  if (!/^transfer-encoding:\s*chunked/im.test(head)) return rest;
  let body = '';
  for (;;) {
    const line = rest.indexOf('\r\n');
    const size = Number.parseInt(rest.slice(0, line), 16);
    if (!(size > 0)) return body;
    // Sizes count bytes; the answers here are read as UTF-8 text.
    const chunk = Buffer.from(rest.slice(line + 2)).subarray(0, size).toString('utf8');
    body += chunk;
    rest = rest.slice(line + 2 + chunk.length + 2);
  }
}
