/**
 * Defects of the self-check found when it was tried as a new user would (issue 12, part 6): each test failed
 * on the build before the fix. Today is fixed at 2 December 2026, the day the first two were seen.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloaded, hasBrowser, launch, openPage, selfCheckRendered, url } from './browser';

const KEY = 'zerenzhi:checklist';
const stored = async (page: Page) => JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEY)) ?? 'null');
/** 以文件形式通报意识形态领域情况: 每年1次（12月中旬）, 11–20 December. */
const DECEMBER = /以文件形式通报意识形态领域情况：\s*12月中旬/;

async function open(page: Page, path = 'checklist/') {
  await page.clock.setFixedTime(new Date(2026, 11, 2, 9, 0));
  await page.goto(url(path));
  await selfCheckRendered(page);
}

describe.skipIf(!hasBrowser)('the self-check, as a new user tried it', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('leads 接下来要办 with what is due now and soon, and lists what is overdue apart', async () => {
    const { page, close } = await openPage(browser);
    await open(page);
    const next = page.getByRole('list', { name: '接下来要办' });
    const items = await next.getByRole('listitem').allTextContents();
    expect(items.length).toBeGreaterThan(0);
    // The December windows (11–20 December) come first: they end before the year-long ones.
    expect(items[0]).toMatch(/12月中旬/);
    expect(items.join('\n')).not.toMatch(/已逾期/);
    const overdue = await page
      .getByRole('list', { name: /^已逾期/ })
      .getByRole('listitem')
      .allTextContents();
    // The most recent first: each item's window ends no later than the one before it.
    const ends = overdue.map((item) => {
      const [, month, day] = /(\d+)月(\d+)日）$/.exec(item) ?? [];
      return Number(month) * 100 + Number(day);
    });
    expect(ends.length).toBeGreaterThan(1);
    expect(ends).toEqual([...ends].sort((a, b) => b - a));
    expect(Math.max(...ends)).toBeLessThan(1202);
    await close();
  });

  it('asks for the date when an occurrence is ticked outside its window, and warns on a date outside it', async () => {
    const { page, close } = await openPage(browser);
    await open(page);
    await page.getByRole('checkbox', { name: DECEMBER }).check();
    const date = page.getByLabel(/^完成日期.*以文件形式通报意识形态领域情况12月中旬/);
    await expect(date.inputValue()).resolves.toBe('');
    const hint = await page.locator(`#${await date.getAttribute('aria-describedby')}`).textContent();
    expect(hint).toMatch(/今天不在这一次的期限（12月11日—12月20日）内/);
    // Nothing is saved until a date is given.
    expect((await stored(page))?.years?.['2026']?.ticks ?? {}).toEqual({});
    // The field keeps to the year on show.
    await expect(date.getAttribute('min')).resolves.toBe('2026-01-01');
    await expect(date.getAttribute('max')).resolves.toBe('2026-12-31');
    await date.fill('2026-12-15');
    expect((await stored(page)).years['2026'].ticks['D01-22/m12'].done).toBe('2026-12-15');
    await expect(page.getByText(/所填日期不在这一次的期限/).count()).resolves.toBe(0);
    await date.fill('2026-12-01');
    expect((await stored(page)).years['2026'].ticks['D01-22/m12'].done).toBe('2026-12-01');
    await expect(page.getByText(/注意：所填日期不在这一次的期限（12月11日—12月20日）内/).isVisible()).resolves.toBe(
      true,
    );
    await date.fill('2025-12-15');
    await expect(date.getAttribute('aria-invalid')).resolves.toBe('true');
    expect((await stored(page)).years['2026'].ticks['D01-22/m12'].done).toBe('2026-12-01');
    // Inside the window (a year-long one), a tick records today.
    await page.getByRole('checkbox', { name: /开展党员干部意识形态能力提升专题培训/ }).check();
    expect((await stored(page)).years['2026'].ticks['D01-07/y'].done).toBe('2026-12-02');
    await close();
  });

  it('lets a 秋季学期 date run into January of the next year', async () => {
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await open(page, 'checklist/?doc=chongqing-college-party-committee-rules&year=2026');
    await page.getByRole('checkbox', { name: /召开党委专题会议研究意识形态工作：\s*秋季学期/ }).check();
    const date = page.getByLabel(/^完成日期.*秋季学期/);
    // 2 December is inside 秋季学期 (1 August – 31 January): today.
    await expect(date.inputValue()).resolves.toBe('2026-12-02');
    await expect(date.getAttribute('max')).resolves.toBe('2027-01-31');
    await date.fill('2027-01-20');
    expect((await stored(page)).years['2026'].ticks['D18-01/s2'].done).toBe('2027-01-20');
    await close();
  });

  it('says which document it shows on first load instead of saying nothing is chosen', async () => {
    const { page, close } = await openPage(browser);
    await open(page);
    const setup = page.locator('.check-setup');
    await expect(setup.textContent()).resolves.not.toMatch(/尚未选择/);
    await expect(setup.textContent()).resolves.toMatch(/已先选《通辽第五中学/);
    await expect(page.getByRole('checkbox', { name: /通辽第五中学/ }).isChecked()).resolves.toBe(true);
    await close();
  });

  it('shows progress only for the chosen roles', async () => {
    const { page, close } = await openPage(browser);
    await open(page);
    const bars = () => page.getByRole('region', { name: '进度' }).getByRole('progressbar').count();
    await expect(bars()).resolves.toBe(1);
    await page.getByRole('checkbox', { name: '党组织', exact: true }).check();
    await expect.poll(bars).toBe(2);
    await expect(page.getByRole('progressbar', { name: /^党组织（/ }).count()).resolves.toBe(1);
    await expect(page.getByRole('progressbar', { name: /^第一责任人（/ }).count()).resolves.toBe(0);
    await close();
  });

  it('keeps the choice of documents, roles and year in the URL, to share and bookmark', async () => {
    const { page, close } = await openPage(browser);
    await open(page);
    await page.getByRole('checkbox', { name: /中心学校党总支意识形态领域风险防控机制/ }).check();
    await page.getByRole('checkbox', { name: '支部/支部书记' }).check();
    await page.getByRole('combobox', { name: '年度' }).selectOption('2025');
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe('2025');
    const shared = new URL(page.url());
    expect(shared.searchParams.getAll('doc')).toEqual([
      'tongliao-no5-middle-school-rules',
      'central-school-risk-prevention-mechanism',
    ]);
    expect(shared.searchParams.getAll('role')).toEqual(['party-branch']);
    expect(shared.searchParams.get('year')).toBe('2025');
    // Someone else opens the link: the same view, and their own saved choice is not changed by it.
    const other = await openPage(browser);
    await open(other.page, `checklist/${shared.search}`);
    await expect(other.page.getByRole('combobox', { name: '年度' }).inputValue()).resolves.toBe('2025');
    await expect(other.page.locator('.check-setup summary').textContent()).resolves.toMatch(
      /2 篇文件 · 支部\/支部书记/,
    );
    await other.page.locator('.check-setup summary').click();
    await expect(other.page.getByRole('checkbox', { name: '支部/支部书记' }).isChecked()).resolves.toBe(true);
    await expect(
      other.page.getByRole('checkbox', { name: /中心学校党总支意识形态领域风险防控机制/ }).isChecked(),
    ).resolves.toBe(true);
    await expect(
      other.page.getByRole('checkbox', { name: /向中心学校党总支专题报告意识形态工作：\s*1月（/ }).count(),
    ).resolves.toBe(1);
    await other.close();
    await close();
  });

  it('marks a duty 不适用 with a reason, which then no longer counts as open or overdue', async () => {
    const { page, close } = await openPage(browser);
    await open(page);
    const total = async () =>
      Number(/全部（\d+\/(\d+)）/.exec((await page.locator('label[for="progress-all"]').textContent()) ?? '')?.[1]);
    const before = await total();
    const card = page.locator('.check-duty').filter({ hasText: '召开上半年意识形态工作分析研判会' });
    await expect(card.getByText('已逾期').count()).resolves.toBeGreaterThan(0);
    await card.getByRole('button', { name: /标为不适用/ }).click();
    const form = page.getByRole('form', { name: /召开上半年意识形态工作分析研判会.*：不适用/ });
    await form.getByRole('button', { name: '确定' }).click();
    // A reason is required.
    await expect(stored(page)).resolves.toBeNull();
    await form.getByLabel('不适用的原因').fill('本年度与下半年研判会合并召开');
    await form.getByRole('button', { name: '确定' }).click();
    await expect(card.getByText('本年度不适用：本年度与下半年研判会合并召开').isVisible()).resolves.toBe(true);
    await expect(card.locator('.check-duty-head .status').textContent()).resolves.toBe('不适用');
    expect(await total()).toBe(before - 1);
    expect((await stored(page)).years['2026'].notApplicable['D01-18']).toEqual({
      reason: '本年度与下半年研判会合并召开',
    });
    await page.reload();
    await selfCheckRendered(page);
    await expect(card.locator('.check-duty-head .status').textContent()).resolves.toBe('不适用');
    await card.getByRole('button', { name: /撤销不适用/ }).click();
    await expect(card.locator('.check-duty-head .status').textContent()).resolves.toBe('已逾期');
    await close();
  });

  it('exports JSON with the time it was saved and every duty readable by title and source', async () => {
    const { page, close } = await openPage(browser);
    await open(page);
    await page.getByRole('checkbox', { name: /开展党员干部意识形态能力提升专题培训/ }).check();
    const { text } = await downloaded(page, () => page.getByRole('button', { name: '导出记录（JSON）' }).click());
    const exported = JSON.parse(text);
    expect(exported.record.savedAt).toMatch(/^2026-12-02T\d{2}:\d{2}:\d{2}/);
    expect(exported.record.savedAt).toBe((await stored(page)).savedAt);
    const duty = exported.duties.find((d: { id: string }) => d.id === 'D01-07');
    expect(duty).toMatchObject({
      title: '开展党员干部意识形态能力提升专题培训',
      document: { title: expect.stringMatching(/^通辽第五中学/) },
      cadenceText: '每年1次',
    });
    expect(duty.url).toMatch(/\/docs\/tongliao-no5-middle-school-rules\/#/);
    await close();
  });
});
