/**
 * The unit's ledger in Chromium (issue 12, parts 1 and 2): its own duty list from two documents and an own
 * duty, handed on as a file; evidence files in IndexedDB; the whole ledger as a ZIP, exported, cleared and
 * imported back identical, and broken or foreign ZIPs refused without any change.
 */
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloaded, hasBrowser, launch, openPage, selfCheckRendered, url } from './browser';

const KEY = 'zerenzhi:checklist';
const YEARLY = /开展党员干部意识形态能力提升专题培训/;
const IMPORT = '导入记录（JSON 或 ZIP）';
/** A 1×1 PNG and a small PDF: a photo and a scanned minute. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const stored = async (page: Page) => JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEY)) ?? 'null');
/** SHA-256 of every file in the evidence store, computed in the page from the stored bytes. */
const storedFiles = (page: Page): Promise<Record<string, string>> =>
  page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('zerenzhi-evidence')) return {};
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('zerenzhi-evidence');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const entries = await new Promise<[string, { blob: Blob }][]>((resolve) => {
      const out: [string, { blob: Blob }][] = [];
      const cursor = db.transaction('files').objectStore('files').openCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c) return resolve(out);
        out.push([String(c.key), c.value]);
        c.continue();
      };
    });
    db.close();
    const hashes: Record<string, string> = {};
    for (const [key, { blob }] of entries) {
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
      hashes[key] = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    }
    return hashes;
  });

async function open(page: Page) {
  await page.goto(url('checklist/'));
  await selfCheckRendered(page);
}

/** Ticks the yearly duty and attaches a photo and a PDF to it. */
async function withEvidence(page: Page) {
  await open(page);
  await page.getByRole('checkbox', { name: YEARLY }).check();
  await page.getByRole('button', { name: /^佐证材料（0）.*开展党员干部/ }).click();
  await page.getByLabel(/^添加佐证材料.*开展党员干部/).setInputFiles([
    { name: '培训现场.png', mimeType: 'image/png', buffer: PNG },
    { name: '培训通知.pdf', mimeType: 'application/pdf', buffer: PDF },
  ]);
  await page.getByText('已添加 2 个文件。').waitFor();
}

describe.skipIf(!hasBrowser)('the ledger: own list, evidence, ZIP', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('builds a list from two documents and an own duty, reorders and removes (with 撤销), and hands it on', async () => {
    const { page, errors, close } = await openPage(browser);
    await open(page);
    await page.getByText('我的工作清单').click();
    const list = page.locator('.list-entries > li');
    // Every duty of the default document, before the list is the unit's own (the editor loads when opened).
    await list.first().waitFor();
    const initial = await list.count();
    expect(initial).toBeGreaterThan(20);
    await page.getByRole('button', { name: '从文件中挑选工作' }).click();
    const picker = page.getByRole('group', { name: '从文件中挑选工作' });
    await picker
      .getByRole('combobox', { name: '文件', exact: true })
      .selectOption('central-school-risk-prevention-mechanism');
    await picker.getByRole('combobox', { name: '频次' }).selectOption('month');
    await picker.getByRole('checkbox').first().check();
    await picker.getByRole('button', { name: /^添加所选（1 项）/ }).click();
    const count = await list.count();
    expect(count).toBe(initial + 1);
    await page.getByRole('button', { name: '添加本单位的工作' }).click();
    const form = page.getByRole('form', { name: '添加本单位的工作' });
    await form.getByLabel('工作内容').fill('每月组织支部党员集中学习');
    await form.getByRole('combobox', { name: '频次' }).selectOption('month');
    await form.getByRole('checkbox', { name: '支部/支部书记' }).check();
    await form.getByLabel(/^依据/).fill('本支部《学习制度》第三条');
    await form.getByRole('button', { name: '保存这项工作' }).click();
    await expect(list.count()).resolves.toBe(count + 1);
    await expect(list.last().textContent()).resolves.toMatch(/每月组织支部党员集中学习.*每月1次.*本单位工作/);
    // It is a duty of the year like any other, one box per month.
    await expect(page.getByRole('checkbox', { name: /每月组织支部党员集中学习：\s*12月/ }).count()).resolves.toBe(1);

    await page.getByRole('button', { name: /^上移\s*：每月组织支部党员集中学习$/ }).click();
    let record = await stored(page);
    expect(record.list.at(-2)).toMatchObject({ kind: 'own', text: '每月组织支部党员集中学习' });
    expect(record.list.at(-1)).toMatchObject({
      kind: 'published',
      document: 'central-school-risk-prevention-mechanism',
    });
    expect(record.selection.documents).toEqual([
      'tongliao-no5-middle-school-rules',
      'central-school-risk-prevention-mechanism',
    ]);
    await page.getByRole('button', { name: /^移除\s*：召开意识形态专题研究部署会$/ }).click();
    await expect(list.count()).resolves.toBe(count);
    await page.getByRole('status').filter({ hasText: '已从清单移除' }).getByRole('button', { name: '撤销' }).click();
    await expect(list.count()).resolves.toBe(count + 1);
    record = await stored(page);
    await page.reload();
    await selfCheckRendered(page);
    await expect(page.getByRole('checkbox', { name: /每月组织支部党员集中学习：\s*1月/ }).count()).resolves.toBe(1);

    // The party office saves the list; a branch imports it as its starting list, its own ticks kept.
    await page.getByText('我的工作清单').click();
    const file = await downloaded(page, () => page.getByRole('button', { name: '保存清单为文件' }).click());
    expect(JSON.parse(file.text)).toMatchObject({ format: 'zerenzhi-ledger', content: 'list', record: { years: {} } });
    const branch = await openPage(browser);
    await open(branch.page);
    await branch.page.getByRole('checkbox', { name: YEARLY }).check();
    await branch.page.getByText('我的工作清单').click();
    await branch.page
      .getByLabel('导入清单（作为起始清单）')
      .setInputFiles({ name: 'list.json', mimeType: 'application/json', buffer: file.bytes });
    await expect(branch.page.getByRole('group', { name: '导入清单前确认' }).textContent()).resolves.toMatch(
      new RegExp(`清单（${count + 1} 项工作）`),
    );
    await branch.page.getByRole('button', { name: '确认导入清单' }).click();
    const imported = await stored(branch.page);
    expect(imported.list).toEqual(record.list);
    expect(imported.years[String(new Date().getFullYear())].ticks['D01-07/y'].done).not.toBeNull();
    await branch.close();
    expect(errors).toEqual([]);
    await close();
  });

  it('attaches a photo and a PDF, with a thumbnail and open/download links, and refuses an oversize file', async () => {
    const { page, errors, close } = await openPage(browser);
    await withEvidence(page);
    const panel = page.getByRole('group', { name: /^佐证材料：开展党员干部/ });
    await expect(panel.locator('img').getAttribute('src')).resolves.toMatch(/^blob:/);
    await expect(panel.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).resolves.toBe(1);
    await expect(panel.getByRole('link', { name: /^打开\s*培训通知\.pdf$/ }).getAttribute('href')).resolves.toMatch(
      /^blob:/,
    );
    const pdf = await downloaded(page, () => panel.getByRole('link', { name: /^下载\s*培训通知\.pdf$/ }).click());
    expect(pdf.name).toBe('培训通知.pdf');
    expect(sha(pdf.bytes)).toBe(sha(PDF));
    await expect(panel.textContent()).resolves.toMatch(/本站已用 [\d.]+ (KB|MB)，可用约/);
    const refs = (await stored(page)).years[String(new Date().getFullYear())].evidence['D01-07/y'];
    expect(refs.map((r: { name: string; sha256: string }) => [r.name, r.sha256])).toEqual([
      ['培训现场.png', sha(PNG)],
      ['培训通知.pdf', sha(PDF)],
    ]);
    expect(await storedFiles(page)).toEqual({ [sha(PNG)]: sha(PNG), [sha(PDF)]: sha(PDF) });

    await panel.getByLabel(/^添加佐证材料/).setInputFiles({
      name: '录像.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(21 * 1024 * 1024, 1),
    });
    await expect(panel.getByRole('status').textContent()).resolves.toMatch(
      /「录像\.pdf」有 21\.0 MB，超过单个文件 20\.0 MB 的上限，未添加/,
    );
    await expect(panel.getByRole('listitem').count()).resolves.toBe(2);
    page.once('dialog', (dialog) => void dialog.accept());
    await panel.getByRole('button', { name: /^删除\s*培训现场\.png$/ }).click();
    await expect(panel.getByRole('listitem').count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await close();
  });

  it('keeps an open evidence panel within a 360 px phone screen', async () => {
    const { page, close } = await openPage(browser, { viewport: { width: 360, height: 740 } });
    await withEvidence(page);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBe(360);
    await close();
  });

  it('exports the ledger as a ZIP, clears everything, and imports it back identical', async () => {
    const { page, errors, close } = await openPage(browser);
    page.on('dialog', (dialog) => void dialog.accept());
    await withEvidence(page);
    const before = await stored(page);
    const zip = await downloaded(page, () => page.getByRole('button', { name: '导出台账（ZIP，含佐证材料）' }).click());
    expect(zip.name).toMatch(/\.zip$/);
    const files = unzipSync(new Uint8Array(zip.bytes));
    const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array));
    const ledger = JSON.parse(strFromU8(files['ledger.json'] as Uint8Array));
    expect(ledger.record).toEqual(before);
    for (const entry of manifest.files) expect(sha(files[entry.path] as Uint8Array), entry.path).toBe(entry.sha256);
    expect(
      Object.keys(files)
        .filter((p) => p.startsWith('佐证材料/'))
        .sort(),
    ).toEqual([
      expect.stringMatching(/^佐证材料\/\d{4}\/D01-07 开展党员干部意识形态能力提升专题培训\/y 全年\/01-培训现场\.png$/),
      expect.stringMatching(/\/02-培训通知\.pdf$/),
    ]);

    await page.getByRole('button', { name: '删除本浏览器中的全部数据' }).click();
    await expect.poll(() => storedFiles(page)).toEqual({});
    expect((await stored(page))?.years ?? {}).toEqual({});
    await page.reload();
    await selfCheckRendered(page);
    await expect(page.getByRole('checkbox', { name: YEARLY }).isChecked()).resolves.toBe(false);

    await page.getByLabel(IMPORT).setInputFiles({ name: zip.name, mimeType: 'application/zip', buffer: zip.bytes });
    await expect(page.getByRole('group', { name: '导入前确认' }).textContent()).resolves.toMatch(
      /佐证材料：新增 2 个文件/,
    );
    await page.getByRole('button', { name: '确认导入' }).click();
    await expect(page.getByRole('checkbox', { name: YEARLY }).isChecked()).resolves.toBe(true);
    const after = await stored(page);
    expect({ ...after, savedAt: '' }).toEqual({ ...before, savedAt: '' });
    expect(await storedFiles(page)).toEqual({ [sha(PNG)]: sha(PNG), [sha(PDF)]: sha(PDF) });
    expect(errors).toEqual([]);
    await close();
  });

  it('refuses a truncated, foreign, incomplete or tampered ZIP, and a full store, changing nothing', async () => {
    const { page, close } = await openPage(browser);
    await withEvidence(page);
    const zip = (
      await downloaded(page, () => page.getByRole('button', { name: '导出台账（ZIP，含佐证材料）' }).click())
    ).bytes;
    const files = unzipSync(new Uint8Array(zip));
    const pdfPath = Object.keys(files).find((p) => p.endsWith('.pdf')) as string;
    const ledger = JSON.parse(strFromU8(files['ledger.json'] as Uint8Array));
    const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array));
    // A ledger with one more photo (not stored yet), listed first, so that a failure after it must remove it again.
    const photo = Buffer.concat([PNG, Buffer.from('另一张')]);
    const year = Object.keys(ledger.record.years)[0] as string;
    const photoPath = `佐证材料/${year}/新照片.png`;
    const refs = ledger.record.years[year].evidence['D01-07/y'];
    ledger.record.years[year].evidence = {
      'D01-01/y': [{ ...refs[0], name: '新照片.png', sha256: sha(photo), size: photo.length }],
      ...ledger.record.years[year].evidence,
    };
    const withPhoto = (entries: Record<string, Uint8Array>) => {
      const ledgerBytes = new TextEncoder().encode(JSON.stringify(ledger));
      const listed = [
        { path: 'ledger.json', size: ledgerBytes.length, sha256: sha(ledgerBytes) },
        { path: photoPath, size: photo.length, sha256: sha(photo) },
        ...manifest.files.filter((f: { path: string }) => f.path !== 'ledger.json'),
      ];
      const m = new TextEncoder().encode(JSON.stringify({ ...manifest, files: listed }));
      return Buffer.from(zipSync({ ...entries, 'ledger.json': ledgerBytes, 'manifest.json': m, [photoPath]: photo }));
    };
    const pdf = files[pdfPath] as Uint8Array;
    const altered = Buffer.from(strFromU8(pdf).replace('Catalog', 'Katalog'));
    const cases: [string, Buffer, RegExp][] = [
      ['truncated.zip', zip.subarray(0, Math.floor(zip.length / 2)), /不是完整的 ZIP 台账/],
      ['other.zip', Buffer.from(zipSync({ 'readme.txt': new TextEncoder().encode('hello') })), /没有 ledger\.json/],
      [
        'incomplete.zip',
        withPhoto(Object.fromEntries(Object.entries(files).filter(([p]) => p !== pdfPath))),
        /缺少佐证材料「培训通知\.pdf」/,
      ],
      ['tampered.zip', withPhoto({ ...files, [pdfPath]: altered }), /佐证材料「.*培训通知\.pdf」与记录不符/],
      [
        'tampered-ledger.zip',
        Buffer.from(
          zipSync({
            ...files,
            'ledger.json': new TextEncoder().encode(
              JSON.stringify({ ...ledger, exportedAt: '2020-01-01T00:00:00.000Z' }),
            ),
          }),
        ),
        /ledger\.json 与 manifest\.json 记载的不一致/,
      ],
    ];
    const record = await stored(page);
    const kept = await storedFiles(page);
    expect(Object.keys(kept)).toHaveLength(2);
    for (const [name, buffer, reason] of cases) {
      await page.getByLabel(IMPORT).setInputFiles({ name, mimeType: 'application/zip', buffer });
      const alert = page.locator('.check-tools [role="alert"]');
      await expect.poll(() => alert.textContent(), { message: name }).toMatch(reason);
      await expect(alert.textContent()).resolves.toMatch(/未导入/);
      await expect(page.getByRole('button', { name: '确认导入' }).count()).resolves.toBe(0);
      expect(await stored(page), name).toEqual(record);
      expect(await storedFiles(page), name).toEqual(kept);
    }
    // The same ledger, whole, imports (the cases above failed for their fault only) …
    await page
      .getByLabel(IMPORT)
      .setInputFiles({ name: 'good.zip', mimeType: 'application/zip', buffer: withPhoto(files) });
    await page.getByRole('group', { name: '导入前确认' }).waitFor();
    await page.getByRole('button', { name: '取消' }).click();
    // … and a cancelled import leaves no file behind.
    await expect.poll(() => storedFiles(page)).toEqual(kept);
    // A full store, as the browser says (estimate), or as it refuses the write: nothing is written.
    for (const full of [
      'navigator.storage.estimate = async () => ({ usage: 1000, quota: 1010 })',
      `IDBObjectStore.prototype.put = function () { throw new DOMException('full', 'QuotaExceededError'); }`,
    ]) {
      await page.reload();
      await selfCheckRendered(page);
      await page.evaluate(full);
      await page
        .getByLabel(IMPORT)
        .setInputFiles({ name: 'full.zip', mimeType: 'application/zip', buffer: withPhoto(files) });
      await expect
        .poll(() => page.locator('.check-tools [role="alert"]').textContent(), { message: full })
        .toMatch(/存储空间不足.*未导入/);
      expect(await stored(page)).toEqual(record);
      expect(await storedFiles(page)).toEqual(kept);
    }
    await close();
  });
});
