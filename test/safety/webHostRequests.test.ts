import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startTestHost, statusOf, type TestHost } from '../helpers/webHost';

describe('no request ends the browser host', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(() => t.close());

  const get = (target: string) => `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nConnection: close\r\n\r\n`;

  it('answers a request line whose address cannot be parsed with 400, and keeps serving', async () => {
    const answer = await rawRequest(t.port, get('http://[/'));
    expect(statusOf(answer)).toBe(400);
    expect(answer).toContain('请求的地址无效');
    expect(statusOf(await rawRequest(t.port, get('/')))).toBe(200);
  });

  it('answers a broken percent-encoding with 400, not 500', async () => {
    const answer = await rawRequest(t.port, get('/%E0%A4%A'));
    expect(statusOf(answer)).toBe(400);
    expect(statusOf(await rawRequest(t.port, get('/download/%E0%A4%A')))).toBe(400);
    expect(statusOf(await rawRequest(t.port, get('/')))).toBe(200);
  });
});
