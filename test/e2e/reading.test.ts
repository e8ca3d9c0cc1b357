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

  it('copies a citation with title, locator, clause text and URL, the printed number said once', async () => {
    const { page, errors, close } = await openPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(url(DOC));
    const clause = page.locator('#s1-1-3');
    await clause.hover();
    await clause.getByRole('button', { name: '复制引用' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '引用已复制' }).count()).toBe(1);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    // The locator already says 3: the text starts after the printed 3.
    expect(copied).toMatch(
      /^《通辽第五中学意识形态工作责任实施细则（试行）》一、（一）3：建立和落实意识形态工作联席会议机制，每年至少召开2次/,
    );
    expect(copied).not.toContain('复制引用');
    expect(copied.trim().endsWith(`${DOC}#s1-1-3`)).toBe(true);

    // A presumed correction stays marked in the copy, with what the mark means; 三是 is said once.
    await page.goto(url('docs/xiwanzi-town-2022-implementation-plan/'));
    const corrected = page.locator('#s2-1-3');
    await corrected.hover();
    await corrected.getByRole('button', { name: '复制引用' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('微信公众平台〔校〕');
    const marked = await page.evaluate(() => navigator.clipboard.readText());
    expect(marked).toContain('》二、一是·三是：强化方式创新。坚持以政治学习为根本');
    expect(marked).toContain('（〔校〕为编者推定改正，详见链接处校勘记。）');
    expect(errors).toEqual([]);
    await close();
  });

  it('offers the citation with issuer and year, and without the URL, and remembers the choice', async () => {
    const { page, errors, close } = await openPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    const copy = async (id: string) => {
      await page.evaluate(() => navigator.clipboard.writeText(''));
      const clause = page.locator(`#${id}`);
      await clause.hover();
      await clause.getByRole('button', { name: '复制引用' }).click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe('');
      return page.evaluate(() => navigator.clipboard.readText());
    };
    await page.goto(url('docs/xiwanzi-town-2022-implementation-plan/'));
    const options = page.getByRole('group', { name: '复制引用时包含' });
    const issuerAndYear = options.getByRole('checkbox', { name: '发文单位和年份' });
    const link = options.getByRole('checkbox', { name: '网址' });
    await expect(issuerAndYear.isChecked()).resolves.toBe(false);
    await expect(link.isChecked()).resolves.toBe(true);

    await issuerAndYear.check();
    const withIssuer = await copy('s2-1-3');
    expect(withIssuer).toMatch(/^《[^》]+》（[^，）]+，2022年）二、一是·三是：强化方式创新。/);
    expect(withIssuer.trim()).toMatch(/\/docs\/xiwanzi-town-2022-implementation-plan\/#s2-1-3$/);

    await link.uncheck();
    const plain = await copy('s2-1-3');
    expect(plain).not.toMatch(/https?:|#s2-1-3/);
    // Without the link, the note on the marks says where the notes are instead.
    expect(plain).toContain('〔校〕为编者推定改正');
    expect(plain).not.toContain('链接处');

    // The choice holds on another document, after a reload; a document without a year says so.
    await page.goto(url(DOC));
    await expect(issuerAndYear.isChecked()).resolves.toBe(true);
    await expect(link.isChecked()).resolves.toBe(false);
    expect(await copy('s1-1-3')).toBe(
      '《通辽第五中学意识形态工作责任实施细则（试行）》（通辽第五中学（校党委），未署年份）一、（一）3：建立和落实意识形态工作联席会议机制，每年至少召开2次意识形态专题研究部署会，至少以会议或者文件的形式通报1次意识形态领域情况。建立健全重大舆情和突发事件舆论引导机制，梳理我校意识形态领域风险点，建立和落实意识形态领域风险“三清单”。每年各党支部向校党委、校党委向市委教育工委专题汇报1次意识形态工作。遇到重大情况及时报告并提出建设性意见，需要临时处置的，应当尽职尽力做好工作，迅速汇报。',
    );
    expect(errors).toEqual([]);
    await close();
  });

  it('still copies, and changes format, when the browser refuses storage', async () => {
    const { page, errors, close } = await openPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await page.goto(url(DOC));
    await page.getByRole('checkbox', { name: '网址' }).uncheck();
    const clause = page.locator('#s1-1-3');
    await clause.hover();
    await clause.getByRole('button', { name: '复制引用' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '引用已复制' }).count()).toBe(1);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^《通辽第五中学意识形态工作责任实施细则（试行）》一、（一）3：建立/);
    expect(copied).not.toContain('http');
    expect(errors).toEqual([]);
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
    // The row's first cell is its locator (附2·3月中旬): the text goes on from the next cell.
    expect(copied).toMatch(/^《通辽第五中学意识形态工作责任实施细则（试行）》附2·3月中旬：召开“通辽第五中学上半年/);
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

  it('describes the document in a reader’s words and links to its lines on the 来源说明 page', async () => {
    const { page, close } = await openPage(browser);
    await page.goto(url(DOC));
    const meta = page.getByRole('region', { name: '文件信息' });
    const text = (await meta.textContent())?.replace(/\s+/g, '') ?? '';
    expect(text).toContain('标题标题为原文所印');
    expect(text).toContain('来源第1份原始材料，第1–185行（见来源说明）');
    expect(text).not.toMatch(/原文标题|来源0|000/);
    await meta.getByRole('link', { name: '见来源说明' }).click();
    await page.waitForURL(/about\/#/);
    const target = page.locator(':target');
    await expect(target.textContent()).resolves.toMatch(/^1–185通辽第五中学意识形态工作责任实施细则（试行）$/);
    const box = await target.boundingBox();
    expect(box && box.y >= 0 && box.y < 740).toBe(true);
    // The 来源说明 page names the material the same way.
    const section = page.locator('section', { has: target });
    await expect(section.getByRole('heading').first().textContent()).resolves.toMatch(/^第 1 份原始材料/);

    // A text the material prints more than once: where the other copies are, in the same words.
    await page.goto(url('docs/central-school-risk-prevention-mechanism/'));
    const other = (await page.getByRole('region', { name: '文件信息' }).textContent())?.replace(/\s+/g, '') ?? '';
    expect(other).toContain('另有重复副本：第3份原始材料第4–60行、第185行，未重复发布');
    await close();
  });

  it('on a phone, reaches the 目录 and the top from mid-document, with the keyboard too', async () => {
    const { page, errors, close } = await openPage(browser, { viewport: { width: 360, height: 740 }, isMobile: true });
    await page.goto(url(DOC));
    const header = page.getByRole('banner');
    const headerBox = await header.boundingBox();
    expect(headerBox?.height, 'header height at 360 px').toBeLessThanOrEqual(130);
    const jump = page.getByRole('navigation', { name: '页内跳转' });
    const toContents = jump.getByRole('link', { name: '目录' });
    const toTop = jump.getByRole('link', { name: '回到顶部' });
    // At the top the 目录 is on screen and the control stays out of the way.
    await expect(page.getByRole('navigation', { name: '目录' }).isVisible()).resolves.toBe(true);
    await expect(toContents.isVisible()).resolves.toBe(false);

    await page.locator('#s3-4-3').scrollIntoViewIfNeeded();
    await expect.poll(() => toContents.isVisible()).toBe(true);
    await toContents.click();
    const contents = page.getByRole('navigation', { name: '目录' });
    const entry = contents.getByRole('link', { name: '追责问责' });
    await expect.poll(() => entry.isVisible()).toBe(true);
    const entryBox = await entry.boundingBox();
    expect(entryBox && entryBox.y >= 0 && entryBox.y + entryBox.height <= 740).toBe(true);
    await entry.click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#s3');

    // Back to the top by touch; to the 目录 by keyboard: the control is the last stop before the footer.
    await expect.poll(() => toTop.isVisible()).toBe(true);
    await toTop.click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    await page.locator('#s3-4-3').scrollIntoViewIfNeeded();
    await expect.poll(() => toTop.isVisible()).toBe(true);
    await page.getByRole('contentinfo').getByRole('link', { name: '使用说明' }).focus();
    // Focusing the footer scrolls the page; the control follows the scroll position once the scroll is handled.
    await expect.poll(() => toTop.isVisible()).toBe(true);
    await page.keyboard.press('Shift+Tab');
    await expect(toTop.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Shift+Tab');
    const ring = await toContents.evaluate((el) =>
      el === document.activeElement ? getComputedStyle(el).outlineStyle : 'not focused',
    );
    expect(ring).not.toMatch(/none|not focused/);
    await page.evaluate(() => document.querySelector<HTMLDetailsElement>('#toc details')!.removeAttribute('open'));
    await page.keyboard.press('Enter');
    await expect.poll(() => entry.isVisible()).toBe(true);

    // At the end of the page it covers nothing: the last lines, the links and the footer clear it.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => toContents.isVisible()).toBe(true);
    const control = await jump.boundingBox();
    for (const last of [
      page.getByRole('contentinfo'),
      page.getByRole('navigation', { name: '上一篇和下一篇' }),
      page.locator('.errata-list li').last(),
    ]) {
      const box = await last.boundingBox();
      const apart = box && control && (box.y + box.height <= control.y || control.y + control.height <= box.y);
      expect(apart, 'overlaps the control').toBe(true);
    }

    // Not in print.
    await page.emulateMedia({ media: 'print' });
    await expect(jump.isVisible()).resolves.toBe(false);
    expect(errors).toEqual([]);
    await close();
  });

  it('shows the wide desktop 目录 beside the text and no phone control', async () => {
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(url(DOC));
    await page.locator('#s3-4-3').scrollIntoViewIfNeeded();
    await expect(
      page.getByRole('navigation', { name: '目录' }).getByRole('link', { name: '追责问责' }).isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByRole('navigation', { name: '页内跳转' }).isVisible()).resolves.toBe(false);
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
