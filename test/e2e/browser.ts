import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchWebHost } from '../../main/web/launch';
import { WorkbookFile } from '../../main/workbook/file';
import type { Workbook } from '../../shared/core/model';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { ROOT } from '../helpers/cli';

export const RESULTS = join(ROOT, 'test-results');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/** Uncaught errors and unhandled rejections of every page opened here, until a test's end takes them (see pageErrors.ts). */
const pageErrors: string[] = [];
export function takePageErrors(): string[] {
  return pageErrors.splice(0);
}
export function watchPage(page: Page): void {
  page.on('pageerror', (e) => pageErrors.push(e.stack ?? e.message));
}

type Host = Awaited<ReturnType<typeof launchWebHost>>;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** The browser of the tests of a file using `sessionPerTest`: started once, each test in a fresh context of it. */
let fileBrowser: Promise<Browser> | undefined;

export interface Session {
  page: Page;
  context: BrowserContext;
  /** The workbook file the host serves. */
  path: string;
  dir: string;
  host: Host;
  /** Closes the host (the page can do no more) and reads the workbook back from the file on disk. */
  saved(): Promise<Workbook>;
  /** `saved()`, then the file served again and the page loaded from it, as a person reopening the file sees it. */
  reopen(): Promise<Workbook>;
  close(): Promise<void>;
}

export interface SessionOptions {
  viewport?: { width: number; height: number };
  /** Makes the workbook file in `dir` and returns its path; by default a fresh file from the sample. */
  file?: (dir: string) => string;
  /**
   * Edits made to the file in Node before the page loads: a test that needs a line pasted or a
   * reason written sets it up here, exactly and at once, instead of relying on an earlier test.
   */
  prepare?: (file: WorkbookFile) => void;
}

/** A fresh workbook file from the sample. */
function sampleFile(dir: string): string {
  const path = join(dir, '样例.budget');
  WorkbookFile.create(path, sampleWorkbook()).close();
  return path;
}

async function load(page: Page, host: Host): Promise<void> {
  await page.goto(host.host.url);
  await page.locator('.ag-row').first().waitFor({ timeout: 60_000 });
}

/**
 * A workbook file (the sample unless `file` makes another), prepared, served by the real browser
 * host and opened in headless Debian Chromium in a fresh context.
 */
export async function openSample(options: SessionOptions = {}): Promise<Session> {
  const dir = await mkdtemp(join(tmpdir(), 'budget-e2e-'));
  const ownBrowser = fileBrowser === undefined;
  const browser = await (fileBrowser ?? launchChromium());
  // the page is made while the file is
  const opening = browser
    .newContext({
      viewport: options.viewport ?? { width: 1440, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
      permissions: ['clipboard-read', 'clipboard-write'],
    })
    .then(async (context) => ({ context, page: await context.newPage() }));
  let path: string;
  let launched: Host | undefined;
  try {
    path = (options.file ?? sampleFile)(dir);
    launched = await launchWebHost({ path });
    options.prepare?.(launched.file);
  } catch (e) {
    await launched?.close();
    await (await opening).context.close();
    if (ownBrowser) await browser.close();
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  let host = launched;
  let hostOpen = true;
  const { context, page } = await opening;
  watchPage(page);
  await load(page, host);
  const session: Session = {
    page,
    context,
    path,
    dir,
    host,
    async saved() {
      if (hostOpen) await host.close();
      hostOpen = false;
      const file = WorkbookFile.open(path);
      try {
        return file.workbook();
      } finally {
        file.close();
      }
    },
    async reopen() {
      const wb = await session.saved();
      session.host = host = await launchWebHost({ path });
      hostOpen = true;
      await load(page, host);
      return wb;
    },
    async close() {
      await context.close();
      if (ownBrowser) await browser.close();
      if (hostOpen) await host.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return session;
}

/**
 * Each test of the calling file opens its own session with the returned function (the defaults
 * merged with its own options), and the session is closed when the test ends: no test starts from
 * what another left. The file's tests share one browser, each in a fresh context (no shared
 * storage, clipboard permission or page).
 */
export function sessionPerTest(defaults: SessionOptions = {}): (options?: SessionOptions) => Promise<Session> {
  let current: Session | undefined;
  beforeAll(() => {
    fileBrowser = launchChromium();
  });
  afterAll(async () => {
    const browser = fileBrowser;
    fileBrowser = undefined;
    await (await browser)?.close();
  });
  afterEach(async () => {
    const s = current;
    current = undefined;
    await s?.close();
  });
  return async (options = {}) => {
    await current?.close();
    current = await openSample({ ...defaults, ...options });
    return current;
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `${name}.png`) });
}

/** The tab of the published tables: its name is written here only. */
export const TABLES_TAB = '公开表';

/** The tab of the workbench whose name starts with `name`. */
export async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
}
