import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { launchWebHost } from '../../main/web/launch';
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

export interface Session {
  page: Page;
  context: BrowserContext;
  /** The workbook file the host serves. */
  path: string;
  dir: string;
  host: Awaited<ReturnType<typeof launchWebHost>>;
  close(): Promise<void>;
}

/**
 * A fresh workbook file from the sample, served by the real browser host, opened in headless
 * Debian Chromium with a fresh profile.
 */
export async function openSample(options: { viewport?: { width: number; height: number } } = {}): Promise<Session> {
  const dir = await mkdtemp(join(tmpdir(), 'budget-e2e-'));
  const path = join(dir, '样例.budget');
  const host = await launchWebHost({ path, sample: true });
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  watchPage(page);
  await page.goto(host.host.url);
  await page.locator('.ag-row').first().waitFor();
  return {
    page,
    context,
    path,
    dir,
    host,
    async close() {
      await context.close();
      await host.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `${name}.png`) });
}
