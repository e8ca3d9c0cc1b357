import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloaded, hasBrowser, launch, openPage, selfCheckRendered, url } from './browser';

const stored = (page: Page) => page.evaluate(() => localStorage.getItem('zerenzhi:checklist'));

/** One page of each kind, with what shows that its islands are ready. */
const PAGE_KINDS: [path: string, ready?: string][] = [
  [''],
  ['docs/tongliao-no5-middle-school-rules/'],
  ['search/?q=%E4%B8%80%E5%B2%97%E5%8F%8C%E8%B4%A3', 'ol[aria-label="搜索结果"] li'],
  ['roles/'],
  ['roles/first-responsible/'],
  // A role on several pages: its page links at the top and the bottom.
  ['roles/party-organization/2/'],
  ['calendar/'],
  ['checklist/', '#tools'],
  ['about/'],
];

const TABBABLE =
  'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/**
 * Numbers every element Tab may reach, in document order (one stop per radio
 * group), and returns the numbers of those visible now: Tab must reach all of
 * these. Others (a correction's note link, shown while the correction has
 * focus) may be reached too, but only in order.
 */
function markTabStops(selector: string) {
  const groups = new Set<string>();
  const stops = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => {
    if ((el as HTMLInputElement).disabled || el.closest('[inert]')) return false;
    if (el instanceof HTMLInputElement && el.type === 'radio') {
      if (groups.has(el.name)) return false;
      groups.add(el.name);
    }
    return true;
  });
  stops.forEach((el, i) => (el.dataset.tabStop = String(i)));
  return stops.flatMap((el, i) => (el.checkVisibility() ? [i] : []));
}

/** What has focus: its tab-stop number (radios report their group's first), and whether focus is visible. */
function focusState() {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body) return null;
  const radio = el instanceof HTMLInputElement && el.type === 'radio' ? el : null;
  const stop = radio
    ? document.querySelector<HTMLElement>(`input[type="radio"][name="${CSS.escape(radio.name)}"][data-tab-stop]`)
    : el;
  const style = getComputedStyle(el);
  const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  const what = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).replace(/ /g, '.')}` : ''}`;
  return { stop: Number(stop?.dataset.tabStop ?? -1), visible, what };
}

/** The accessible text a user hears for the focused control: its label, or its own text. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    const text = el?.labels?.[0]?.textContent ?? el?.getAttribute('aria-label') ?? el?.textContent ?? '';
    return text.replace(/\s+/g, '');
  });

/** Presses Tab until the focused control's name matches, as a keyboard user would. */
async function tabTo(page: Page, name: RegExp, limit = 300) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (name.test(await focusedName(page))) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

describe.skipIf(!hasBrowser)('keyboard only', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('Tab walks every kind of page from top to bottom: every control in order, focus always visible, no trap', async () => {
    const { page, errors, close } = await openPage(browser);
    const problems: string[] = [];
    for (const [path, ready] of PAGE_KINDS) {
      await page.goto(url(path));
      if (ready) await page.locator(ready).first().waitFor();
      const visible = await page.evaluate(markTabStops, TABBABLE);
      const reached: number[] = [];
      for (let i = 0; i < 2 * visible.length + 5; i += 1) {
        await page.keyboard.press('Tab');
        const state = await page.evaluate(focusState);
        // Past the last control focus leaves the page, or comes round to the first again.
        if (!state || (reached.length > 0 && state.stop === reached[0])) break;
        if (!state.visible) problems.push(`/${path}: no visible focus on tab stop ${state.stop} (${state.what})`);
        reached.push(state.stop);
        if (state.stop === -1) problems.push(`/${path}: focus reached ${state.what}, which is not a control`);
      }
      expect(visible.length, path).toBeGreaterThan(5);
      // Each stop at most once, in document order, every visible one, and then focus
      // leaves the page: nothing traps it and nothing is skipped.
      const inOrder = reached.every((stop, i) => i === 0 || stop > (reached[i - 1] as number));
      const missed = visible.filter((stop) => !reached.includes(stop));
      if (!inOrder || missed.length || reached.length === 2 * visible.length + 5)
        problems.push(`/${path}: Tab reached ${reached.join(' ')}; never reached ${missed.join(' ')}`);
    }
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('the self-check can be filled in, answered and exported without a mouse', async () => {
    const { page, errors, close } = await openPage(browser, { acceptDownloads: true });
    await page.goto(url('checklist/'));
    await selfCheckRendered(page);
    const year = new Date().getFullYear();

    await tabTo(page, /^单位名称/);
    await page.keyboard.type('通辽第五中学');

    await tabTo(page, /召开上半年意识形态工作分析研判会.*3月中旬/);
    await page.keyboard.press('Space');
    const tick = page.getByRole('checkbox', { name: /召开上半年意识形态工作分析研判会/ });
    await expect(tick.isChecked()).resolves.toBe(true);
    // Ticking keeps focus where it was, so the user goes on from the same place.
    expect(await focusedName(page)).toMatch(/召开上半年意识形态工作分析研判会/);

    // Tab enters the date field at its first part; this Chromium orders the parts 月/日/年
    // and moves on by itself once a part is complete. Today is not in 3月中旬 (unless it is):
    // the field asks for the date, empty, and the whole date is typed.
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toMatch(/^完成日期/);
    const date = page.getByLabel(/^完成日期.*召开上半年/);
    await page.keyboard.type(`0315${(await date.inputValue()) ? '' : year}`);
    await expect(date.inputValue()).resolves.toBe(`${year}-03-15`);
    expect(await stored(page)).toContain(`"done":"${year}-03-15"`);

    // A mistyped year is refused with a message, and the saved date stays.
    await page.keyboard.type('1');
    await expect(date.getAttribute('aria-invalid')).resolves.toBe('true');
    const refusal = page.locator(`#${await date.getAttribute('aria-describedby')}`);
    await expect(refusal.textContent()).resolves.toBe(`未保存：请填写 ${year}-01-01 至 ${year}-12-31 之间的日期。`);
    expect(await stored(page)).toContain(`"done":"${year}-03-15"`);
    // Leaving the year part and coming back starts it afresh.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type(String(year));
    await expect(date.getAttribute('aria-invalid')).resolves.toBe(null);
    await expect(refusal.count()).resolves.toBe(0);

    await tabTo(page, /^备注.*召开上半年/, 5);
    await page.keyboard.type('校党委会议纪要');

    await tabTo(page, /^是$/, 400);
    await page.keyboard.press('ArrowRight');
    expect(await focusedName(page)).toBe('否');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toMatch(/^说明/);

    await tabTo(page, /^导出记录/);
    const exported = JSON.parse((await downloaded(page, () => page.keyboard.press('Enter'))).text);
    const thisYear = exported.record.years[String(year)];
    expect(Object.values(thisYear.ticks)).toEqual([{ done: `${year}-03-15`, note: '校党委会议纪要' }]);
    expect(Object.values(thisYear.accountability)).toEqual([{ answer: 'no', note: '' }]);

    await page.reload();
    await selfCheckRendered(page);
    await expect(page.getByLabel(/^单位名称/).inputValue()).resolves.toBe('通辽第五中学');
    await expect(date.inputValue()).resolves.toBe(`${year}-03-15`);
    expect(errors).toEqual([]);
    await close();
  });
});
