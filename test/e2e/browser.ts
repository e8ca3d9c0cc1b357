/**
 * Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core
 * (no browser download is possible here). Without it the tests are skipped with a loud
 * warning on a developer machine, and fail in CI.
 */
import { existsSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasBrowser = existsSync(CHROMIUM);

if (!hasBrowser) {
  const message = `No Chromium at ${CHROMIUM}: browser tests cannot run. Install it with: apt-get install -y chromium fonts-noto-cjk`;
  if (process.env.CI) throw new Error(message);
  console.error(`\n${'!'.repeat(80)}\n!! ${message}\n!! The end-to-end tests are SKIPPED.\n${'!'.repeat(80)}\n`);
}

export const siteUrl = () => inject('siteUrl');

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface TrackedPage {
  page: Page;
  /** Requests to any origin other than the site's. */
  foreignRequests: string[];
  errors: string[];
  close(): Promise<void>;
}

export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<TrackedPage> {
  const origin = new URL(siteUrl()).origin;
  const context = await browser.newContext({ locale: 'zh-CN', ...options });
  const page = await context.newPage();
  const foreignRequests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { page, foreignRequests, errors, close: () => context.close() };
}

/** A site path resolved against the served base URL. */
export const url = (path = '') => new URL(path.replace(/^\//, ''), siteUrl()).href;

/** What the page downloads when `trigger` runs: the suggested file name, the text and the bytes. */
export async function downloaded(page: Page, trigger: () => Promise<unknown>) {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const bytes = readFileSync((await download.path()) ?? '');
  return { name: download.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

/** The self-check renders its list in steps, the 保存与导出 tools last: once they show, the whole page is there. */
export const selfCheckRendered = (page: Page) => page.getByRole('heading', { name: '保存与导出' }).waitFor();
