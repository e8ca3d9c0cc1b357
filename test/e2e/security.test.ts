import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, launch, openPage, selfCheckRendered, url } from './browser';

/** One page of each kind, and what a user does there to run its scripts. */
const PAGES: [path: string, act?: (page: Page) => Promise<unknown>][] = [
  [''],
  [
    'docs/tongliao-no5-middle-school-rules/',
    async (page) => {
      await page.getByRole('searchbox', { name: '搜索条款' }).fill('一岗双责');
      await page.getByRole('list', { name: '搜索结果' }).waitFor();
    },
  ],
  [
    'search/?q=%E7%AC%AC%E4%B8%80%E8%B4%A3%E4%BB%BB%E4%BA%BA',
    async (page) => page.getByRole('list', { name: '搜索结果' }).waitFor(),
  ],
  ['roles/'],
  ['roles/first-responsible/'],
  [
    'calendar/',
    async (page) => {
      await page.getByLabel('角色').selectOption('party-branch');
    },
  ],
  [
    'checklist/',
    async (page) => {
      await selfCheckRendered(page);
      await page.locator('.check-duty input[type="checkbox"]').first().check();
    },
  ],
  ['about/'],
];

describe.skipIf(!hasBrowser)('content security policy', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(PAGES)('/%s runs under a strict policy with no violation', async (path, act) => {
    const { page, errors, close } = await openPage(browser);
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { __violations: string[] }).__violations ??= [];
        (window as unknown as { __violations: string[] }).__violations.push(
          `${event.violatedDirective} ${event.blockedURI}`,
        );
      });
    });
    await page.goto(url(path));
    const policy = (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ?? '';
    const scriptSrc = policy.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc).toContain("'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toContain("default-src 'self'");
    await act?.(page);
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? [])).toEqual(
      [],
    );
    expect(errors).toEqual([]);
    await close();
  });

  it('keeps text from the URL and from the search-highlight hand-over as text', async () => {
    const { page, errors, close } = await openPage(browser);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const hostile = '"><img src=x onerror=alert(1)><script>alert(2)</script>';
    const q = encodeURIComponent(hostile);
    const injected = () => page.evaluate(() => document.querySelectorAll('img, svg[onload], iframe').length);

    for (const path of [
      `?type=${q}&kind=${q}`,
      `calendar/?doc=${q}&role=${q}`,
      `search/?q=${q}&doc=${q}&type=${q}&role=${q}`,
    ]) {
      await page.goto(url(path));
      await page.waitForLoadState('networkidle');
      expect(await injected(), path).toBe(0);
    }

    // The words a search result hands to the clause it opens.
    const doc = 'docs/xx-bureau-party-group-rules/';
    await page.goto(url('about/'));
    await page.evaluate(
      ([path, words]) =>
        localStorage.setItem('zerenzhi:highlight', JSON.stringify({ path, id: 'a4', words, followedAt: Date.now() })),
      [new URL(url(doc)).pathname, [hostile, '第一责任人']] as const,
    );
    await page.goto(url(`${doc}#a4`));
    await expect(page.locator('#a4 mark').allTextContents()).resolves.toEqual(['第一责任人']);
    expect(await injected()).toBe(0);

    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});
