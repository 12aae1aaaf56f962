import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { ExportRequest } from '../../shared/contract/calls';
import { TOKEN_HEADER, decodeJson, encodeJson } from '../../shared/contract/json';
import type { WorkbookFile } from '../workbook/file';
import { CONTENT_SECURITY_POLICY } from '../../shared/contract/csp';
import { dispatchCall } from '../workbookCalls';
import { unitWorkbookFileName } from '../electron/fileNames';
import { splitToFile } from '../units/unitFiles';

const SECURITY_HEADERS: Record<string, string> = {
  // The same policy as the Electron window's.
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
};

/** A call body may carry a paste of many lines; nothing the screen sends comes near this. */
const MAX_BODY_BYTES = 256 * 1024 * 1024;

export interface WebHostOptions {
  file: WorkbookFile;
  /** Writes the publication workbook (xlsx) of the file's current state to `outPath`. */
  exportTo(outPath: string, request: ExportRequest): Promise<void>;
  /** The name the downloaded xlsx gets (the department's, or a unit's publication). */
  downloadName(request: ExportRequest): string;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
}

export interface WebHost {
  /** The address to open, with the token in the fragment: it never reaches a server log or a Referer. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

interface Download {
  path: string;
  name: string;
  /** The Content-Type; an xlsx when absent. */
  type?: string;
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, encodeJson(value), 'application/json; charset=utf-8');
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('请求过大'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The request's path (still percent-encoded), or undefined when the request line holds no valid address. */
function requestPath(url: string | undefined): string | undefined {
  try {
    const { pathname } = new URL(url ?? '/', 'http://127.0.0.1');
    decodeURIComponent(pathname);
    return pathname;
  } catch {
    return undefined;
  }
}

function sameSecret(given: string | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The local browser host: serves the built screen and the call contract over HTTP on 127.0.0.1
 * only. Every request must name this host (127.0.0.1:port or localhost:port: a page of another
 * site reaching us through DNS rebinding carries its own name); every call must come from this
 * origin and carry the run's random token.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(32).toString('base64url');
  const downloads = new Map<string, Download>();
  const tempDir = await mkdtemp(join(tmpdir(), 'budget-web-'));
  const rendererDir = resolve(options.rendererDir);
  let port = 0;

  const target = {
    file: options.file,
    async exportExcel(request: ExportRequest) {
      const id = randomBytes(24).toString('base64url');
      const path = join(tempDir, `${id}.xlsx`);
      await options.exportTo(path, request);
      downloads.set(id, { path, name: options.downloadName(request) });
      return { savedTo: null, downloadUrl: `/download/${id}` };
    },
    async exportUnitFile(unit: string) {
      const id = randomBytes(24).toString('base64url');
      const path = join(tempDir, `${id}.budget`);
      splitToFile(options.file, unit, path);
      downloads.set(id, { path, name: unitWorkbookFileName(options.file.workbook(), unit), type: 'application/octet-stream' });
      return { savedTo: null, downloadUrl: `/download/${id}` };
    },
  };

  async function handleCall(req: IncomingMessage, res: ServerResponse, host: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, '只接受 POST');
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) return send(res, 403, '来源不符');
    if (!sameSecret(req.headers[TOKEN_HEADER.toLowerCase()] as string | undefined, token)) return send(res, 403, '令牌无效');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, '应为 JSON');
    let body: { name?: unknown; args?: unknown };
    try {
      body = decodeJson(await readBody(req)) as { name?: unknown; args?: unknown };
      if (typeof body !== 'object' || body === null) throw new Error('not an object');
    } catch {
      return sendJson(res, 400, { error: '请求不是有效的 JSON' });
    }
    try {
      sendJson(res, 200, { result: (await dispatchCall(target, body.name, body.args)) ?? null });
    } catch (e) {
      sendJson(res, 400, { error: e instanceof Error ? e.message : String(e) });
    }
  }

  async function handleDownload(res: ServerResponse, id: string): Promise<void> {
    const download = downloads.get(id);
    if (!download) return send(res, 404, '下载链接无效或已使用');
    downloads.delete(id);
    const { size } = await stat(download.path);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': download.type ?? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Length': String(size),
      'Content-Disposition': `attachment; filename="budget${extname(download.path)}"; filename*=UTF-8''${encodeURIComponent(download.name)}`,
    });
    createReadStream(download.path)
      .on('error', () => res.destroy())
      .on('close', () => void rm(download.path, { force: true }))
      .pipe(res);
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '只接受 GET');
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const path = normalize(join(rendererDir, relative));
    if (!path.startsWith(rendererDir + sep) || relative.split('/').some((part) => part.startsWith('.'))) return send(res, 404, '未找到');
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return send(res, 404, '未找到');
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream', 'Content-Length': String(info.size) });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(path)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421, '主机名不符');
    const pathname = requestPath(req.url);
    if (pathname === undefined) return send(res, 400, '请求的地址无效');
    if (pathname === '/api/call') return handleCall(req, res, host);
    if (pathname.startsWith('/download/')) return handleDownload(res, pathname.slice('/download/'.length));
    return handleStatic(req, res, pathname);
  }

  // Whatever a request holds, it ends in an answer (or a closed connection), never in the process ending.
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (res.headersSent) res.destroy();
      else if (e instanceof URIError) send(res, 400, '请求的地址无效');
      else send(res, 500, '内部错误：请求未能处理，工作簿未受影响');
    });
  });

  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ready());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await rm(tempDir, { recursive: true, force: true });
    },
  };
}
