import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../shared/contract/json';
import { bodyOf, rawRequest, startTestHost, statusOf, type TestHost } from '../helpers/webHost';
import { expectChineseMessage, fileState, fuzzOptions, useTally } from './fuzzKit';

const target = fc.oneof(
  fc.constantFrom('/', '/api/call', '/download/x', 'http://[/', '/%E0%A4%A', '/%00', '/..%2f..%2fetc/passwd', '*', 'http://127.0.0.1/api/call', '//x', '/assets/../index.html', '/%'),
  fc.string({ maxLength: 20 }).map((s) => `/${encodeURI(s)}`),
  fc.string({ maxLength: 12 }).map((s) => `/${s.replace(/[\s\r\n]/g, '')}`),
);
const method = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('GET', 'POST') }, { weight: 1, arbitrary: fc.constantFrom('HEAD', 'PUT', 'OPTIONS', 'DELETE', 'BREW', 'G ET') });
const body = fc.oneof(
  fc.constant(''),
  fc.constantFrom('{"name":"workbook.snapshot","args":[]}', '{"name":"workbook.edit","args":[{"op":"batch","edits":[]}]}', '{"name":"workbook.undo","args":[]}', '{', 'null', '[]', '"x"'),
  fc.json({ maxDepth: 4 }),
  fc.integer({ min: 1, max: 3000 }).map((d) => `{"name":"workbook.edit","args":[${'{"op":"batch","edits":['.repeat(d)}${']}'.repeat(d)}]}`),
);
const request = fc.record({
  method,
  target,
  version: fc.oneof({ weight: 4, arbitrary: fc.constant('HTTP/1.1') }, { weight: 1, arbitrary: fc.constantFrom('HTTP/1.0', 'HTTP/9.9', '') }),
  host: fc.oneof({ weight: 4, arbitrary: fc.constant('right') }, { weight: 1, arbitrary: fc.constantFrom('localhost', 'evil.example', 'none') }),
  token: fc.oneof({ weight: 4, arbitrary: fc.constant('right') }, { weight: 1, arbitrary: fc.constantFrom('wrong', 'none') }),
  origin: fc.constantFrom('none', 'right', 'http://evil.example'),
  contentType: fc.oneof({ weight: 4, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom('text/plain', 'none') }),
  body,
  lengthSkew: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -5, max: -1 }) }),
  junk: fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) }),
});

describe('fuzz: raw HTTP to the browser host', () => {
  let t: TestHost;
  const tally = useTally('httpHost');
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(() => t.close());

  it('every request gets an answer (or a closed connection), the host lives on, refusals are Chinese, and nothing changes unless accepted', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const headers: string[] = ['Connection: close'];
        const hostName = r.host === 'right' ? `127.0.0.1:${t.port}` : r.host === 'localhost' ? `localhost:${t.port}` : r.host;
        if (r.host !== 'none') headers.push(`Host: ${hostName}`);
        if (r.token !== 'none') headers.push(`${TOKEN_HEADER}: ${r.token === 'right' ? t.host.token : 'x'.repeat(43)}`);
        if (r.origin !== 'none') headers.push(`Origin: ${r.origin === 'right' ? `http://${hostName}` : r.origin}`);
        if (r.contentType !== 'none') headers.push(`Content-Type: ${r.contentType}`);
        const payload = Buffer.from(r.body);
        if (payload.length > 0 || r.method === 'POST') headers.push(`Content-Length: ${Math.max(0, payload.length + r.lengthSkew)}`);
        const head = `${r.method} ${r.target}${r.version ? ` ${r.version}` : ''}\r\n${headers.join('\r\n')}\r\n\r\n`;
        const bytes = r.junk ? Buffer.concat([Buffer.from(head), Buffer.from(r.junk)]) : Buffer.concat([Buffer.from(head), payload]);

        const before = fileState(t.file.path);
        const revision = t.file.snapshot().revision;
        tally.tried++;
        const answer = await rawRequest(t.port, bytes);
        const status = statusOf(answer);
        const text = bodyOf(answer);
        if (status === 200) tally.accepted++;
        else {
          tally.refused++;
          if (status !== undefined && status >= 400 && text.trim() !== '') expectChineseMessage(text, head);
        }
        if (t.file.snapshot().revision === revision) expect(fileState(t.file.path)).toBe(before);
        else expect(status).toBe(200);
        // The host lives: it still serves the screen.
        expect(statusOf(await rawRequest(t.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nConnection: close\r\n\r\n`))).toBe(200);
      }),
      fuzzOptions(),
    );
  });
});
