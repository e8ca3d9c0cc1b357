import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloaded, hasBrowser, launch, openPage, selfCheckRendered, url } from './browser';

const KEY = 'zerenzhi:checklist';
const BACKUP = 'zerenzhi:checklist:backup';
const MEETING = /召开上半年意识形态工作分析研判会/;
/** A duty of the whole year (每年1次): today is always inside its window, so a tick records today. */
const YEARLY = /开展党员干部意识形态能力提升专题培训/;
const IMPORT = '导入记录（JSON 或 ZIP）';

const stored = (page: Page, key = KEY) => page.evaluate((k) => localStorage.getItem(k), key);

async function open(page: Page) {
  await page.goto(url('checklist/'));
  await selfCheckRendered(page);
}

describe.skipIf(!hasBrowser)('the yearly self-check in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a default list at once; a tick survives a reload with its date and note', async () => {
    const { page, foreignRequests, errors, close } = await openPage(browser);
    await open(page);
    const boxes = page.getByRole('checkbox');
    expect(await page.locator('.check-duty input[type="checkbox"]').count()).toBeGreaterThan(20);
    const tick = page.getByRole('checkbox', { name: MEETING });
    await tick.check();
    const date = page.getByLabel(/^完成日期.*召开上半年/);
    const year = new Date().getFullYear();
    await date.fill(`${year}-03-15`);
    await page.getByLabel(/^备注.*召开上半年/).fill('校党委会议纪要〔2026〕3号');
    await page.getByLabel(/^备注.*召开上半年/).blur();
    await page.reload();
    await selfCheckRendered(page);
    await expect(tick.isChecked()).resolves.toBe(true);
    await expect(page.getByLabel(/^完成日期.*召开上半年/).inputValue()).resolves.toBe(`${year}-03-15`);
    await expect(page.getByLabel(/^备注.*召开上半年/).inputValue()).resolves.toBe('校党委会议纪要〔2026〕3号');
    expect(await boxes.count()).toBeGreaterThan(0);
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('keeps corrupt stored data aside, says so, and goes on working', async () => {
    const { page, errors, close } = await openPage(browser);
    await page.goto(url('checklist/'));
    await page.evaluate((k) => localStorage.setItem(k, '{"app":"zerenzhi-checklist","version":2,"years":{'), KEY);
    await open(page);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('已损坏');
    const backup = JSON.parse((await stored(page, BACKUP)) ?? '[]');
    expect(backup.at(-1).raw).toBe('{"app":"zerenzhi-checklist","version":2,"years":{');
    const { text } = await downloaded(page, () => page.getByRole('button', { name: '下载原数据' }).click());
    expect(text).toBe('{"app":"zerenzhi-checklist","version":2,"years":{');
    await page.getByRole('checkbox', { name: YEARLY }).check();
    expect(JSON.parse((await stored(page)) ?? '{}').app).toBe('zerenzhi-checklist');
    expect(JSON.parse((await stored(page, BACKUP)) ?? '[]')).toHaveLength(backup.length);
    expect(errors).toEqual([]);
    await close();
  });

  it('never overwrites a record from a newer version', async () => {
    const { page, close } = await openPage(browser);
    await page.goto(url('checklist/'));
    const newer = JSON.stringify({ app: 'zerenzhi-checklist', version: 99, years: {} });
    await page.evaluate(([k, v]) => localStorage.setItem(k as string, v as string), [KEY, newer]);
    await open(page);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('更新版本');
    await expect(page.getByRole('checkbox', { name: MEETING }).isDisabled()).resolves.toBe(true);
    expect(await stored(page)).toBe(newer);
    await close();
  });

  it('works in memory and says so when the browser refuses storage', async () => {
    const { page, errors, close } = await openPage(browser);
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('denied', 'SecurityError');
        },
      });
    });
    await open(page);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('不允许本站保存数据');
    const tick = page.getByRole('checkbox', { name: MEETING });
    await tick.check();
    await expect(tick.isChecked()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await close();
  });

  it('exports, resets (with undo) and imports back an identical record', async () => {
    const { page, errors, close } = await openPage(browser);
    page.on('dialog', (dialog) => void dialog.accept());
    await open(page);
    await page.getByRole('checkbox', { name: YEARLY }).check();
    await page.getByRole('checkbox', { name: /召开意识形态专题研究部署会：\s*第2次/ }).check();
    const before = JSON.parse((await stored(page)) ?? '{}');
    const exported = await downloaded(page, () => page.getByRole('button', { name: '导出记录（JSON）' }).click());
    expect(exported.name).toMatch(/\.json$/);
    expect(JSON.parse(exported.text).record.years).toEqual(before.years);

    await page.getByRole('button', { name: '清空本年度' }).click();
    await expect(page.getByRole('checkbox', { name: YEARLY }).isChecked()).resolves.toBe(false);
    await page.getByRole('button', { name: '撤销' }).click();
    await expect(page.getByRole('checkbox', { name: YEARLY }).isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: '清空本年度' }).click();
    expect(JSON.parse((await stored(page)) ?? '{}').years).toEqual({});

    await page
      .getByLabel(IMPORT)
      .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(exported.text) });
    await expect(page.getByRole('group', { name: '导入前确认' }).textContent()).resolves.toMatch(/新增 2 项/);
    await page.getByRole('button', { name: '确认导入' }).click();
    const after = JSON.parse((await stored(page)) ?? '{}');
    expect(after.years).toEqual(before.years);
    expect(after.selection).toEqual(before.selection);
    await expect(page.getByRole('checkbox', { name: YEARLY }).isChecked()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await close();
  });

  it('refuses a malformed or foreign import, says why and changes nothing', async () => {
    const { page, close } = await openPage(browser);
    await open(page);
    await page.getByRole('checkbox', { name: YEARLY }).check();
    const before = await stored(page);
    for (const [name, content, reason] of [
      ['broken.json', '{"app":', '已损坏'],
      ['other.json', '{"todos":[]}', '不是本站的自查记录'],
      [
        'bad.json',
        JSON.stringify({
          app: 'zerenzhi-checklist',
          version: 2,
          selection: null,
          years: { '2026': { ticks: { x: { done: 'yesterday', note: '' } }, accountability: {} } },
          savedAt: '',
        }),
        '格式不正确',
      ],
    ] as const) {
      await page.getByLabel(IMPORT).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
      await expect.poll(() => page.getByRole('alert').textContent()).toContain(reason);
      await expect(page.getByRole('button', { name: '确认导入' }).count()).resolves.toBe(0);
      expect(await stored(page)).toBe(before);
    }
    await close();
  });

  it('shows hostile text from an imported file as text, and defuses it in the CSV', async () => {
    const { page, errors, close } = await openPage(browser);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await open(page);
    await page.getByRole('checkbox', { name: YEARLY }).check();
    const record = JSON.parse((await stored(page)) ?? '{}');
    const unit = '<img src=x onerror="window.__pwned=1">';
    const note = '=HYPERLINK("http://example.invalid","点此")<script>window.__pwned=2</script>';
    record.unit = unit;
    record.selection = { documents: ['tongliao-no5-middle-school-rules'], roles: [] };
    for (const tick of Object.values(record.years[String(new Date().getFullYear())].ticks) as { note: string }[])
      tick.note = note;
    await page.getByRole('checkbox', { name: YEARLY }).uncheck();
    const scripts = await page.evaluate(() => document.querySelectorAll('script').length);
    await page.getByLabel(IMPORT).setInputFiles({
      name: '"><img src=x onerror=alert(1)>.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(record)),
    });
    await page.getByRole('button', { name: '确认导入' }).click();

    await expect(page.getByLabel(/^单位名称/).inputValue()).resolves.toBe(unit);
    await expect(page.getByLabel(/^备注.*开展党员干部/).inputValue()).resolves.toBe(note);
    expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(scripts);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    const { text } = await downloaded(page, () => page.getByRole('button', { name: '导出本年度表格（CSV）' }).click());
    // A spreadsheet would run a cell that starts with =, + , - or @ as a formula.
    expect(text).toContain(`"'=HYPERLINK(""http://example.invalid"",""点此"")<script>window.__pwned=2</script>"`);
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('exports the year as CSV that opens in Excel (UTF-8 with BOM)', async () => {
    const { page, close } = await openPage(browser);
    await open(page);
    await page.getByRole('checkbox', { name: MEETING }).check();
    const { name, text } = await downloaded(page, () =>
      page.getByRole('button', { name: '导出本年度表格（CSV）' }).click(),
    );
    expect(name).toMatch(/\.csv$/);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n')[0]).toBe('\ufeff年度,时间,文件,条款,工作,频次,责任主体,次序,期限,完成日期,备注,状态');
    expect(text).toContain('召开上半年意识形态工作分析研判会暨能力提升专题培训会');
    await close();
  });

  it('puts the accountability answers in the CSV after the duties', async () => {
    const { page, close } = await openPage(browser);
    await open(page);
    const first = page.locator('.check-accountability fieldset').first();
    await first.getByRole('radio', { name: '否' }).check();
    await first.getByLabel('说明').fill('经党委会议自查，无此情形');
    const { text } = await downloaded(page, () => page.getByRole('button', { name: '导出本年度表格（CSV）' }).click());
    const rows = text.split('\r\n').filter((row) => row.includes(',追责问责自查,'));
    expect(rows.length).toBe(await page.locator('.check-accountability fieldset').count());
    expect(rows[0]).toMatch(/,经党委会议自查，无此情形,是否存在此情形：否$/);
    expect(rows.slice(1).every((row) => row.endsWith(',,未回答'))).toBe(true);
    await close();
  });

  it('keeps text typed without leaving the field, through a reload', async () => {
    const { page, close } = await openPage(browser);
    await open(page);
    await page.getByRole('checkbox', { name: YEARLY }).check();
    const fields = [
      [() => page.getByLabel(/^备注.*开展党员干部/), '党委会纪要〔2026〕3号'],
      [() => page.locator('.check-accountability fieldset').first().getByLabel('说明'), '无此情形'],
      [() => page.getByLabel('单位名称（可不填）'), '通辽五中'],
    ] as const;
    for (const [field, text] of fields) {
      await field().click();
      await page.keyboard.type(text);
      await page.reload();
      await selfCheckRendered(page);
      await expect(field().inputValue()).resolves.toBe(text);
    }
    await close();
  });

  it('starts a re-ticked occurrence afresh', async () => {
    const { page, close } = await openPage(browser);
    await open(page);
    const tick = page.getByRole('checkbox', { name: YEARLY });
    await tick.check();
    const date = page.getByLabel(/^完成日期.*开展党员干部/);
    const today = await date.inputValue();
    await date.fill('');
    await expect(date.getAttribute('aria-invalid')).resolves.toBe('true');
    await tick.uncheck();
    await tick.check();
    await expect(date.inputValue()).resolves.toBe(today);
    await expect(date.getAttribute('aria-invalid')).resolves.toBe(null);
    await close();
  });

  it('keeps two open tabs in step', async () => {
    const { page, close } = await openPage(browser);
    await open(page);
    const other = await page.context().newPage();
    await other.goto(url('checklist/'));
    await selfCheckRendered(other);
    await page.getByRole('checkbox', { name: YEARLY }).check();
    await expect.poll(() => other.getByRole('checkbox', { name: YEARLY }).isChecked()).toBe(true);
    await other.getByRole('checkbox', { name: YEARLY }).uncheck();
    await expect.poll(() => page.getByRole('checkbox', { name: YEARLY }).isChecked()).toBe(false);
    await close();
  });

  it('remembers the chosen documents, roles and unit, and filters by them', async () => {
    const { page, close } = await openPage(browser);
    await open(page);
    await page.getByRole('checkbox', { name: /中心学校党总支意识形态领域风险防控机制/ }).check();
    await page.getByRole('checkbox', { name: '支部/支部书记' }).check();
    await page.getByLabel('单位名称（可不填）').fill('某中心学校');
    await page.getByLabel('单位名称（可不填）').blur();
    await page.reload();
    await selfCheckRendered(page);
    await expect(page.getByRole('checkbox', { name: MEETING }).count()).resolves.toBe(0);
    await expect(
      page.getByRole('checkbox', { name: /向中心学校党总支专题报告意识形态工作：\s*1月（/ }).count(),
    ).resolves.toBe(1);
    await expect(page.locator('.check-setup summary').textContent()).resolves.toContain('某中心学校');
    await close();
  });

  it('records the yearly accountability self-assessment per year', async () => {
    const { page, close } = await openPage(browser);
    await open(page);
    // The circumstances sit under their printed headings and keep their own numbers only.
    const section = page.getByRole('region', { name: /追责问责自查/ });
    await expect(section.getByRole('heading', { level: 3 }).allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringMatching(/^（一）党委履行意识形态工作领导责任不力/)]),
    );
    await expect(section.locator('legend').first().textContent()).resolves.toMatch(/^1\.贯彻落实/);
    await expect(
      section
        .locator('ul')
        .first()
        .evaluate((list) => getComputedStyle(list).listStyleType),
    ).resolves.toBe('none');
    const first = page.locator('.check-accountability fieldset').first();
    await first.getByRole('radio', { name: '否' }).check();
    await first.getByLabel('说明').fill('经党委会议自查，无此情形');
    await first.getByLabel('说明').blur();
    await page.reload();
    await selfCheckRendered(page);
    await expect(
      page.locator('.check-accountability fieldset').first().getByRole('radio', { name: '否' }).isChecked(),
    ).resolves.toBe(true);
    const year = new Date().getFullYear();
    await page.getByRole('combobox', { name: '年度' }).selectOption(String(year - 1));
    await expect(
      page.locator('.check-accountability fieldset').first().getByRole('radio', { name: '否' }).isChecked(),
    ).resolves.toBe(false);
    await close();
  });

  it('prints an A4 self-check sheet without the controls', async () => {
    const { page, close } = await openPage(browser);
    await open(page);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: '导出记录（JSON）' }).isVisible()).resolves.toBe(false);
    await expect(page.locator('.check-setup').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('heading', { name: /年度意识形态工作责任制自查表/ }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(/自查人（签字）/).isVisible()).resolves.toBe(true);
    // Every entry is laid out for print, not only those near the screen (content-visibility).
    const skipped = await page.evaluate(
      () =>
        [...document.querySelectorAll('.check-duty > :not(.no-print), .accountability-items > li > *')].filter(
          (el) => !el.checkVisibility({ contentVisibilityAuto: true }),
        ).length,
    );
    expect(skipped).toBe(0);
    // A long note prints in full, not cut to its input box.
    await page.emulateMedia({ media: 'screen' });
    const note =
      '党委会纪要〔2026〕3号，参会人员：党委委员、纪检委员、支部书记、团委书记、各部门负责人，会议研究部署了上半年意识形态工作';
    await page.getByRole('checkbox', { name: YEARLY }).check();
    await page.getByLabel(/^备注.*开展党员干部/).fill(note);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByLabel(/^备注.*开展党员干部/).isVisible()).resolves.toBe(false);
    await expect(page.getByText(`备注：${note}`).isVisible()).resolves.toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await close();
  });

  it('keeps every entry off screen in a box no smaller than the entry, so none overlaps another (320 px)', async () => {
    const { page, close } = await openPage(browser, { viewport: { width: 320, height: 640 } });
    // Every document, so that every duty and circumstance is measured.
    await page.goto(url('checklist/'));
    await page.evaluate((key) => localStorage.removeItem(key), KEY);
    await open(page);
    const documents = page.getByRole('group', { name: '本单位执行的文件' });
    for (const box of await documents.getByRole('checkbox').all()) await box.check();
    // Each document's label gives its number of duties (…（27 项）): wait until all have rendered.
    const counts = (await documents.locator('label').allTextContents()).map((label) =>
      Number(/（(\d+) 项）/.exec(label)?.[1]),
    );
    const total = counts.reduce((a, b) => a + b, 0);
    await expect.poll(() => page.locator('.check-duty').count(), { timeout: 10_000 }).toBe(total);
    // Ticked occurrences show their date and note fields: measured too.
    for (const box of await page.locator('.slots-many input[type="checkbox"]').all()) await box.check();
    const tooSmall = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.check-duty, .accountability-items > li')].flatMap((entry) => {
        const kept = parseFloat(entry.style.containIntrinsicBlockSize.replace('auto ', '')) * 16;
        entry.style.contentVisibility = 'visible';
        const real = entry.getBoundingClientRect().height;
        entry.style.contentVisibility = '';
        return real > kept ? [`${entry.textContent?.slice(0, 20)}: ${real.toFixed(0)} px > ${kept} px`] : [];
      }),
    );
    expect(counts.length).toBeGreaterThan(10);
    expect(tooSmall).toEqual([]);
    await close();
  });
});
