/** The roles pages, the help page, and what a reader meets at a mistyped or trimmed URL. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, launch, openPage, url } from './browser';
import { builtPages } from './site';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true };

describe.skipIf(!hasBrowser)('roles, help and missing pages in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('has no role card that leads nowhere: every role page shows duties, definitions or the clauses naming it', async () => {
    const { page, errors, close } = await openPage(browser);
    await page.goto(url('roles/'));
    const cards = page
      .getByRole('main')
      .getByRole('listitem')
      .filter({ has: page.locator('a[href*="/roles/"]') });
    const found = await cards.evaluateAll((items) =>
      items.map((li) => ({ href: li.querySelector('a')!.href, text: li.textContent ?? '' })),
    );
    expect(found.length).toBeGreaterThan(10);
    for (const { href, text } of found) expect(text, href).not.toMatch(/(^|\D)0 (项|处)/);
    for (const { href } of found) {
      await page.goto(href);
      const name = (await page.getByRole('heading', { level: 1 }).textContent())?.replace(/的责任清单$/, '');
      const intoDocuments = await page
        .getByRole('main')
        .locator('a[href*="/docs/"]')
        .evaluateAll((as) => as.filter((a) => (a as HTMLAnchorElement).hash.length > 1).length);
      expect(intoDocuments, `${name}: links to clauses`).toBeGreaterThan(0);
    }
    // A role no document gives a duty: the clauses that name it, each with the printed form marked.
    await page.goto(url('roles/youth-league/'));
    const mentions = page.getByRole('region', { name: /^文中提到团委的条款/ });
    const items = mentions.getByRole('listitem');
    await expect(items.count()).resolves.toBeGreaterThan(2);
    await expect(items.first().locator('mark').first().textContent()).resolves.toBe('团委');
    const first = items.first().getByRole('link').first();
    const target = (await first.getAttribute('href')) ?? '';
    await first.click();
    await page.waitForURL((u) => u.href.endsWith(target));
    await expect(page.locator(':target').textContent()).resolves.toContain('团委');
    expect(errors).toEqual([]);
    await close();
  });

  it('keeps the role × document matrix usable on a phone: a scroll cue and the role column in view', async () => {
    const { page, close } = await openPage(browser, PHONE);
    await page.goto(url('roles/'));
    const region = page
      .getByRole('region', { name: '责任矩阵' })
      .filter({ has: page.getByRole('table') })
      .last();
    const size = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(size.scroll).toBeGreaterThan(size.client);
    await expect(page.getByText(/左右滑动/).isVisible()).resolves.toBe(true);
    await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    const box = await region.boundingBox();
    const rowHeader = await region.getByRole('rowheader', { name: '党组织' }).boundingBox();
    expect(box && rowHeader && rowHeader.x >= box.x - 1 && rowHeader.x + rowHeader.width <= box.x + box.width).toBe(
      true,
    );
    // What the cell says is still read with its role and document.
    const cell = region
      .getByRole('row', { name: /^党组织/ })
      .getByRole('link')
      .last();
    await expect(cell.textContent()).resolves.toMatch(/^\d+项：党组织 · /);
    await close();
  });

  it('answers a mistyped URL with a 404 page in the site’s layout, with search and a way home', async () => {
    const { page, errors, close } = await openPage(browser);
    // The page itself answers 404 (Chromium logs that); nothing it loads may fail.
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400 && r.request().resourceType() !== 'document') failed.push(`${r.status()} ${r.url()}`);
    });
    const response = await page.goto(url('docs/no-such-document/'));
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('找不到这个页面');
    await expect(page.getByRole('navigation', { name: '主导航' }).isVisible()).resolves.toBe(true);
    const search = page.getByRole('main').getByRole('searchbox', { name: '在全部条款中搜索' });
    await search.fill('一岗双责');
    await search.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await page.getByRole('list', { name: '搜索结果' }).getByRole('listitem').first().waitFor();
    // Deep under a wrong path, its links still lead home (they are site-absolute). astro preview answers a
    // path without the trailing slash with its own "trailingSlash" page, so this one ends with a slash.
    await page.goto(url('no/such/page/at/all/'));
    await page.getByRole('main').getByRole('link', { name: '返回首页' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('意识形态工作责任制文件汇编');
    expect(failed).toEqual([]);
    expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    await close();
  });

  it('lists the documents at /docs/, which the document pages’ breadcrumbs lead to', async () => {
    const { page, close } = await openPage(browser);
    await page.goto(url('docs/tongliao-no5-middle-school-rules/'));
    await page.getByRole('navigation', { name: '面包屑' }).getByRole('link', { name: '文件', exact: true }).click();
    await page.waitForURL((u) => u.pathname.endsWith('/docs/'));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('全部文件');
    const links = page.getByRole('main').getByRole('region').getByRole('link');
    await expect(links.count()).resolves.toBe(18);
    await links.first().click();
    await expect(page.getByRole('navigation', { name: '目录' }).count()).resolves.toBe(1);
    await close();
  });

  it('links the 使用说明 from every page’s footer', async () => {
    const { page, close } = await openPage(browser);
    const missing: string[] = [];
    for (const path of builtPages()) {
      await page.goto(url(path));
      const link = page.getByRole('contentinfo').getByRole('link', { name: '使用说明' });
      if ((await link.count()) !== 1 || !(await link.getAttribute('href'))?.endsWith('/help/'))
        missing.push(`/${path}`);
    }
    expect(missing).toEqual([]);
    await close();
  });

  it('explains searching, citing, the self-check’s storage and backup, offline use and installing', async () => {
    const { page, close } = await openPage(browser);
    await page.goto(url('help/'));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('使用说明');
    const headings = await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents();
    for (const topic of [/搜索/, /引用/, /自查.*保存|保存.*自查/, /备份/, /离线/, /主屏幕/, /浏览器/])
      expect(headings.join('|'), String(topic)).toMatch(topic);
    const text = (await page.getByRole('main').textContent()) ?? '';
    for (const point of ['空格', '错一个字', '筛选', '复制引用', '清除浏览数据', '导出', '添加到主屏幕'])
      expect(text, point).toContain(point);
    // Its links go where it says.
    await page.getByRole('main').getByRole('link', { name: '年度自查', exact: true }).click();
    await page.waitForURL(/\/checklist\/$/);
    await close();
  });
});
