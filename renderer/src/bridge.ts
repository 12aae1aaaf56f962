import { TOKEN_HEADER, decodeJson, encodeJson } from '../../shared/contract/json';
import type { Bridge, CallArgs, CallName, CallResults } from '../../shared/contract/calls';

declare global {
  interface Window {
    /** Set by Electron's preload script. */
    budget?: Bridge;
  }
}

/**
 * The same contract over HTTP to the local browser host. The token comes in the address's
 * fragment (`#token=…`), which the browser never sends to a server; it is then removed from the
 * address bar so that it is not left in history, and kept in this tab's session storage.
 */
/** Bytes of a call body that may still be sent as the page closes (the browser's keep-alive quota is 64 KB). */
const KEEPALIVE_LIMIT = 32_000;

class HttpBridge implements Bridge {
  constructor(private readonly token: string) {}

  async call<K extends CallName>(name: K, ...args: CallArgs<K>): Promise<CallResults[K]> {
    let response: Response;
    const payload = encodeJson({ name, args });
    try {
      response = await fetch('./api/call', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: this.token },
        body: payload,
        // A small call (an edit typed into a cell) outlives the page: what is committed as the tab
        // closes still reaches the file. The browser allows this up to 64 KB in flight.
        keepalive: payload.length < KEEPALIVE_LIMIT,
      });
    } catch {
      throw new Error('与工作台的连接已断开：打开本页面的程序已关闭。修改未能保存；请重新启动预算编制工作台，再打开这个工作簿');
    }
    const text = await response.text();
    if (!response.headers.get('content-type')?.startsWith('application/json')) throw new Error(`本机服务拒绝了请求：${text}`);
    const body = decodeJson(text) as { result?: CallResults[K]; error?: string };
    if (!response.ok || body.error !== undefined) throw new Error(body.error ?? `本机服务出错（${response.status}）`);
    return body.result as CallResults[K];
  }

  onMenu(): () => void {
    // A browser page has no native menu; the page's own buttons and keys do the same.
    return () => {};
  }
}

const TOKEN_KEY = 'budget-token';

/** The token from the address, kept for this tab only so that a reload still works. */
function readToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Electron's preload bridge when present, else the browser host's HTTP client; null without either. */
export function connectBridge(): Bridge | null {
  if (window.budget) return window.budget;
  const token = readToken();
  return token ? new HttpBridge(token) : null;
}

