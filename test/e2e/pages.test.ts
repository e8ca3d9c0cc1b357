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

  it('cuts a long role page into pages: its duties first, the same totals on each, 上一页/下一页 between them', async () => {
    const { page, errors, close } = await openPage(browser);
    const totals = () => page.getByRole('main').locator('p', { hasText: '有时间要求的工作' }).textContent();
    await page.goto(url('roles/party-organization/'));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('党组织的责任清单');
    const nav = page.getByRole('navigation', { name: '分页', exact: true });
    const [, current, total] = (await nav.locator('p').textContent())?.match(/第 (\d+) 页，共 (\d+) 页/) ?? [];
    expect([current, Number(total)]).toEqual(['1', expect.any(Number)]);
    expect(Number(total)).toBeGreaterThan(1);
    await expect(nav.locator('p').textContent()).resolves.toMatch(/本页列出工作第 1–\d+ 项/);
    await expect(page.getByRole('region', { name: '按文件列出的工作' }).count()).resolves.toBe(1);
    await expect(nav.getByRole('link', { name: '上一页' }).count()).resolves.toBe(0);
    await expect(nav.locator('[aria-current="page"]').textContent()).resolves.toMatch(/^\s*第\s*1\s*页（本页）\s*$/);
    const first = await totals();
    expect(first).toMatch(/\d+ 项有时间要求的工作.*\d+ 处界定.*文中提到党组织的条款共 \d+ 处/s);

    // 下一页, then back by 上一页 and by the page's number, at the top and at the end of the page.
    const next = nav.getByRole('link', { name: '下一页' });
    await expect(next.getAttribute('rel')).resolves.toBe('next');
    await next.click();
    await page.waitForURL((u) => u.pathname.endsWith('/roles/party-organization/2/'));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('党组织的责任清单（第 2 页）');
    await expect(page.title()).resolves.toContain('（第 2 页）');
    await expect(totals()).resolves.toBe(first);
    await expect(
      page
        .getByRole('navigation', { name: '面包屑' })
        .getByRole('link', { name: '第 2 页' })
        .getAttribute('aria-current'),
    ).resolves.toBe('page');
    const previous = nav.getByRole('link', { name: '上一页' });
    await expect(previous.getAttribute('rel')).resolves.toBe('prev');
    const end = page.getByRole('navigation', { name: '分页（页末）' });
    await expect(end.getByRole('link', { name: '第 1 页', exact: true }).count()).resolves.toBe(1);
    await previous.click();
    await page.waitForURL((u) => u.pathname.endsWith('/roles/party-organization/'));

    // The totals lead to where each kind starts, on whichever page that is.
    await page
      .getByRole('main')
      .getByRole('link', { name: /^\d+ 处$/ })
      .click();
    await page.waitForURL((u) => u.hash === '#mentions');
    await expect(page.locator(':target').textContent()).resolves.toMatch(/^文中提到党组织的条款/);
    expect(errors).toEqual([]);
    await close();
  });

  it('keeps most roles on one page, with no page links', async () => {
    const roles = [...new Set(builtPages().flatMap((path) => path.match(/^roles\/([^/]+)\//)?.[1] ?? []))];
    const several = roles.filter((role) => builtPages().includes(`roles/${role}/2/`));
    expect(roles.length).toBeGreaterThan(10);
    expect(several.length).toBeLessThanOrEqual(roles.length / 4);
    const { page, close } = await openPage(browser);
    await page.goto(url('roles/leading-group/'));
    await expect(page.getByRole('navigation', { name: /^分页/ }).count()).resolves.toBe(0);
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
