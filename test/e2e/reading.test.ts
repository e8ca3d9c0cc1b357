import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, launch, openPage, url } from './browser';

const DOC = 'docs/tongliao-no5-middle-school-rules/';

describe.skipIf(!hasBrowser)('reading documents in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists all 18 documents on the home page and filters them', async () => {
    const { page, foreignRequests, errors, close } = await openPage(browser);
    await page.goto(url());
    const list = page.locator('.doc-list > li');
    await expect(list.count()).resolves.toBe(18);
    // The list's status line comes first (the page has another, for the offline pack).
    const status = page.getByRole('status').first();
    await expect(status.textContent()).resolves.toBe('共 18 篇文件');

    await page.getByLabel('主体类型').selectOption('学校');
    const schools = await list.evaluateAll((items) => items.filter((li) => !(li as HTMLElement).hidden).length);
    expect(schools).toBeGreaterThan(5);
    expect(schools).toBeLessThan(18);
    await expect(status.textContent()).resolves.toBe(`显示 ${schools} / 18 篇文件`);
    expect(page.url()).toContain('type=');

    await page.getByLabel('文件类型').selectOption('实施细则');
    const visibleTitles = await page.locator('.doc-list > li:not([hidden]) h2').allTextContents();
    expect(visibleTitles).toContain('通辽第五中学意识形态工作责任实施细则（试行）');
    for (const title of visibleTitles) expect(title).toMatch(/细则/);

    await page.reload();
    await expect(page.getByLabel('主体类型').inputValue()).resolves.toBe('学校');
    await expect(page.locator('.doc-list > li:not([hidden])').count()).resolves.toBe(visibleTitles.length);

    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => page.locator('.doc-list > li:not([hidden])').count()).toBe(18);

    // A combination nothing matches says so instead of leaving a blank list.
    await page.getByLabel('主体类型').selectOption('局机关');
    await page.getByLabel('文件类型').selectOption('实施方案');
    await expect(status.textContent()).resolves.toMatch(/^没有同时符合这两项的文件（共 18 篇）/);
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => status.textContent()).toBe('共 18 篇文件');

    await page.getByRole('link', { name: '通辽第五中学意识形态工作责任实施细则（试行）' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('通辽第五中学');

    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('lands on a clause permalink and highlights it', async () => {
    const { page, close } = await openPage(browser);
    await page.goto(url(`${DOC}#s1-2-p1`));
    const clause = page.locator('#s1-2-p1');
    await expect(clause.textContent()).resolves.toContain('校党委书记是意识形态第一责任人');
    const highlighted = await clause.evaluate((el) => getComputedStyle(el).backgroundColor);
    const plain = await page.locator('#s1-2-1').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(highlighted).not.toBe(plain);
    const top = await clause.evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(200);
    await close();
  });

  it('copies a citation with title, locator, clause text and URL', async () => {
    const { page, close } = await openPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(url(DOC));
    const clause = page.locator('#s1-1-3');
    await clause.hover();
    await clause.getByRole('button', { name: '复制引用' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '引用已复制' }).count()).toBe(1);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(
      /^《通辽第五中学意识形态工作责任实施细则（试行）》一、（一）3：3\.建立和落实意识形态工作联席会议机制，每年至少召开2次/,
    );
    expect(copied).not.toContain('复制引用');
    expect(copied.trim().endsWith(`${DOC}#s1-1-3`)).toBe(true);

    // A presumed correction stays marked in the copy, with what the mark means.
    await page.goto(url('docs/xiwanzi-town-2022-implementation-plan/'));
    const corrected = page.locator('#s2-1-3');
    await corrected.hover();
    await corrected.getByRole('button', { name: '复制引用' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('微信公众平台〔校〕');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
      '（〔校〕为编者推定改正，详见链接处校勘记。）',
    );
    await close();
  });

  it('gives an attachment table row its own permalink and citation, cells set apart', async () => {
    const { page, close } = await openPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(url(DOC));
    const row = page.locator('tr#f2-3');
    await row.hover();
    const link = row.getByRole('link', { name: '条款链接：附2·3月中旬' });
    await expect(link.getAttribute('href')).resolves.toBe('#f2-3');
    await row.getByRole('button', { name: '复制引用' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '引用已复制' }).count()).toBe(1);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(
      /^《通辽第五中学意识形态工作责任实施细则（试行）》附2·3月中旬：3月中旬 召开“通辽第五中学上半年/,
    );
    expect(copied).not.toContain('复制引用');
    expect(copied.trim().endsWith(`${DOC}#f2-3`)).toBe(true);
    // Every body row of every table has its tools, and the header rows have none.
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll('tbody tr')].map((tr) => [tr.id, tr.querySelectorAll('.cite').length]),
    );
    expect(rows.length).toBeGreaterThan(10);
    for (const [id, buttons] of rows) expect([id, buttons]).toEqual([expect.stringMatching(/^f\d-\d+$/), 1]);
    await expect(page.locator('thead .cite').count()).resolves.toBe(0);
    await close();
  });

  it('shows the original wording of a corrected word on focus, and lists it at the end', async () => {
    const { page, close } = await openPage(browser);
    await page.goto(url(DOC));
    const fix = page.locator('.fix', { hasText: '敷衍' }).first();
    await fix.focus();
    await expect(fix.locator('.fix-note').isVisible()).resolves.toBe(true);
    await expect(fix.locator('.fix-note').textContent()).resolves.toContain('原文作“敷行”');
    await expect(page.getByRole('heading', { name: '校勘记' }).count()).resolves.toBe(1);
    await close();
  });

  it('prints without navigation', async () => {
    const { page, close } = await openPage(browser);
    await page.goto(url(DOC));
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.toc', '.breadcrumbs', '.doc-nav', '.site-footer', '.doc-duties']) {
      await expect(page.locator(selector).first().isVisible(), selector).resolves.toBe(false);
    }
    await expect(page.locator('#s1-1-3').isVisible()).resolves.toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await close();
  });

  it('has no horizontal scroll at 360 px on any page', async () => {
    const { page, close } = await openPage(browser, { viewport: { width: 360, height: 740 }, isMobile: true });
    await page.goto(url());
    const links = await page.locator('.doc-list a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const target of [url(), url('about/'), ...links]) {
      await page.goto(target);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, target).toBeLessThanOrEqual(0);
    }
    await close();
  });
});
