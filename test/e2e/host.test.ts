import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { TEXT_SHEET_NAMES } from '../../main/excel/sheetNames';
import { launchWebHost } from '../../main/web/launch';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  bytes: Buffer;
}

function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), bytes: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the local browser host', () => {
  let dir: string;
  let launched: Awaited<ReturnType<typeof launchWebHost>>;
  let origin: string;
  let token: string;
  const call = (name: string, args: unknown[], headers: Record<string, string> = {}) =>
    send(`${origin}/api/call`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Budget-Token': token, ...headers },
      body: JSON.stringify({ name, args }),
    });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'budget-host-'));
    launched = await launchWebHost({ path: join(dir, 'host.budget'), sample: true });
    origin = launched.host.origin;
    token = launched.host.token;
  });
  afterAll(async () => {
    await launched.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and hands out the token in the fragment only', () => {
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(launched.host.url).toBe(`${origin}/#token=${token}`);
    expect(token.length).toBeGreaterThanOrEqual(40);
  });

  it('serves the built screen with a strict content security policy', async () => {
    const page = await send(`${origin}/`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('预算编制工作台');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a request that names another host (DNS rebinding)', async () => {
    const port = new URL(origin).port;
    expect((await send(`${origin}/`, { headers: { Host: `evil.example:${port}` } })).status).toBe(421);
    expect((await send(`${origin}/`, { headers: { Host: `localhost:${port}` } })).status).toBe(200);
  });

  it('refuses calls without the token, with a wrong one, or from another origin', async () => {
    expect((await call('workbook.snapshot', [], { 'X-Budget-Token': '' })).status).toBe(403);
    expect((await call('workbook.snapshot', [], { 'X-Budget-Token': 'x'.repeat(token.length) })).status).toBe(403);
    expect((await call('workbook.snapshot', [], { Origin: 'http://evil.example' })).status).toBe(403);
    const ok = await call('workbook.snapshot', [], { Origin: origin });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).result.workbook.lines).toHaveLength(30);
  });

  it('validates every call against the contract and answers in Chinese', async () => {
    const unknown = await call('shell.run', ['rm -rf /']);
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body).error).toBe('未知的调用：shell.run');
    const bad = await call('workbook.edit', [{ op: 'deleteLines', ids: ['x'] }]);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error).toMatch(/^调用 workbook\.edit 的参数无效/);
  });

  it('does not serve files outside the built screen', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/.vite/manifest.json']) {
      expect((await send(`${origin}${path}`)).status).toBe(404);
    }
  });

  it('hands out an export once', async () => {
    const reply = await call('excel.export', [{}]);
    const { downloadUrl } = JSON.parse(reply.body).result as { downloadUrl: string };
    const first = await send(`${origin}${downloadUrl}`);
    expect(first.status).toBe(200);
    expect(first.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect((await send(`${origin}${downloadUrl}`)).status).toBe(404);
  });

  it('exports one unit with that unit’s 编制说明 (本单位), not the department’s', async () => {
    const unit = launched.file.workbook().units[0].name;
    const reply = await call('excel.export', [{ unit }]);
    const { downloadUrl } = JSON.parse(reply.body).result as { downloadUrl: string };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await send(`${origin}${downloadUrl}`)).bytes as unknown as ArrayBuffer);
    const text = (book.getWorksheet(TEXT_SHEET_NAMES.explanation)?.getSheetValues() ?? []).flat().join('');
    expect(text).toContain('本单位');
    expect(text).not.toContain('本部门');
  });
});
