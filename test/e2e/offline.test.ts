import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, launch, openPage, selfCheckRendered, url } from './browser';
import { DIST } from './site';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

/** A plain static host over a copy of the site, so a test can deploy a new version into it. */
function serveCopy(): Promise<{ root: string; origin: string; server: Server }> {
  const root = mkdtempSync(join(tmpdir(), 'zerenzhi-deploy-'));
  cpSync(DIST, root, { recursive: true });
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ root, server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

describe.skipIf(!hasBrowser)('offline after one visit (service worker)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is installable: a manifest with a name, start URL and icons that are what they say', async () => {
    const manifest = await (await fetch(url('manifest.webmanifest'))).json();
    expect(manifest).toMatchObject({ name: '责任制手册', lang: 'zh-CN', start_url: './', display: 'standalone' });
    const pngs: string[] = [];
    for (const icon of manifest.icons as { src: string; sizes: string; type: string; purpose: string }[]) {
      const response = await fetch(url(icon.src));
      expect(response.status, icon.src).toBe(200);
      expect(response.headers.get('content-type'), icon.src).toContain(icon.type);
      if (icon.type !== 'image/png') continue;
      // PNG header: width and height are the big-endian words at bytes 16 and 20.
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
      pngs.push(`${icon.sizes} ${icon.purpose}`);
    }
    expect(pngs).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  });

  it('keeps the shell and the visited pages: reads them, searches and keeps the self-check with the network cut', async () => {
    const { page, errors, close } = await openPage(browser);
    await page.goto(url());
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 })
      .toBe(true);
    // Online: two pages visited and one search. The real site's index is small enough to come whole in one
    // file after the first answer; the worker keeps it.
    await page.goto(url('roles/first-responsible/'));
    await page.goto(url('docs/central-school-risk-prevention-mechanism/'));
    await page.getByRole('searchbox', { name: '搜索条款' }).fill('网评员');
    await page.getByRole('list', { name: '搜索结果' }).waitFor();
    const bundle = url('search-index/all.bin');
    const bundleKept = () => page.evaluate(async (href) => Boolean(await caches.match(href)), bundle);
    await expect.poll(bundleKept, { timeout: 20_000 }).toBe(true);

    await page.context().setOffline(true);
    await page.goto(url('roles/first-responsible/'));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('第一责任人的责任清单');

    await page.goto(url('docs/central-school-risk-prevention-mechanism/'));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('中心学校党总支');
    await page.getByRole('searchbox', { name: '搜索条款' }).fill('联席会议');
    await expect.poll(() => page.getByRole('list', { name: '搜索结果' }).locator('li').count()).toBeGreaterThan(0);

    // A page never opened is not on the device: the offline page says so and offers the pack.
    await page.goto(url('docs/tongliao-no5-middle-school-rules/'));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('此页尚未保存到本机');
    await expect(page.getByRole('button', { name: /下载离线包/ }).count()).resolves.toBe(1);

    // The search page and the self-check are part of the shell.
    await page.goto(url(`search/?q=${encodeURIComponent('一岗两责')}`));
    await page.getByRole('status').filter({ hasText: /找到/ }).waitFor();
    // The whole index came after the first search: a query never typed online works too.
    await page.getByRole('searchbox', { name: '搜索条款' }).fill('教材选用');
    await page.getByRole('status').filter({ hasText: /找到/ }).waitFor();

    await page.goto(url('checklist/'));
    await selfCheckRendered(page);
    const box = page.getByRole('checkbox').first();
    await box.check();
    await expect(box.isChecked()).resolves.toBe(true);

    await page.context().setOffline(false);
    expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    await close();
  });

  it('keeps the duties of a document chosen online, and says which cannot be loaded offline', async () => {
    const { page, errors, close } = await openPage(browser);
    await page.goto(url('checklist/'));
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 })
      .toBe(true);
    await selfCheckRendered(page);
    // Chosen online: its duties are fetched once (/checklist/duties/<slug>.json) and so cached.
    await page.getByRole('checkbox', { name: /中心学校党总支意识形态领域风险防控机制/ }).check();
    const reported = page.getByRole('checkbox', { name: /向中心学校党总支专题报告意识形态工作：\s*1月（/ });
    await reported.waitFor();

    await page.context().setOffline(true);
    await page.reload();
    await selfCheckRendered(page);
    await reported.check();
    await expect(reported.isChecked()).resolves.toBe(true);
    // A document never opened before cannot come from the cache: the page says so and keeps working.
    await page.getByText('我的单位与角色').click();
    await page.getByRole('checkbox', { name: /学院党总支意识形态工作风险防控机制/ }).check();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/未能载入《学院党总支意识形态工作风险防控机制》的工作（可能已离线/);
    await expect(reported.isChecked()).resolves.toBe(true);
    await page.context().setOffline(false);
    await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(true);
    await page.getByRole('button', { name: '重试' }).click();
    await expect.poll(() => page.getByRole('alert').allTextContents()).toEqual([]);
    expect(errors.filter((e) => !/Failed to load resource|net::ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    await close();
  });

  it('下载离线包 shows its size, keeps every page, and then every page opens offline', async () => {
    const pack = (await (await fetch(url('offline-pack.json'))).json()) as { files: { url: string }[]; bytes: number };
    expect(pack.files.map((f) => f.url)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\/docs\/tongliao-no5-middle-school-rules\/$/),
        expect.stringMatching(/\/calendar\/$/),
        expect.stringMatching(/\/search-index\/typos\.json$/),
      ]),
    );
    // The search files one by one, not their one-file copy too.
    const searchFiles = pack.files.filter((f) => /\/search-index\/[pt]\//.test(f.url));
    expect(searchFiles).toHaveLength(['p', 't'].flatMap((dir) => readdirSync(join(DIST, 'search-index', dir))).length);
    expect(pack.files.filter((f) => f.url.endsWith('/all.bin'))).toEqual([]);
    const { page, errors, close } = await openPage(browser);
    await page.goto(url());
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 })
      .toBe(true);
    const region = page.getByRole('region', { name: '离线使用' });
    await region.scrollIntoViewIfNeeded();
    const button = region.getByRole('button', { name: /下载离线包（约 [\d.]+ (KB|MB)）/ });
    await button.waitFor();
    await expect.poll(() => region.getByRole('status').textContent()).toMatch(/已保存在本机：\d+ \/ \d+ 个文件/);
    await button.click();
    await expect
      .poll(() => region.getByRole('status').textContent(), { timeout: 30_000 })
      .toBe(
        `离线包已下载：全部 ${pack.files.length} 个文件（${(pack.bytes / 1024 / 1024).toFixed(1)} MB）已保存在本机，断网时也能打开。`,
      );

    await page.context().setOffline(true);
    for (const [path, heading] of [
      ['docs/tongliao-no5-middle-school-rules/', '通辽第五中学'],
      ['calendar/', '日历'],
      ['about/', '来源'],
    ] as const) {
      await page.goto(url(path));
      await expect(page.getByRole('heading', { level: 1 }).textContent(), path).resolves.toContain(heading);
    }
    // Search never used online: the pack's shards, chunks and homophones answer it.
    await page.goto(url(`search/?q=${encodeURIComponent('一岗两责 教材选用')}`));
    await page.getByRole('status').filter({ hasText: /找到/ }).waitFor();
    await page.context().setOffline(false);
    // Back online, the pack has nothing left to fetch.
    await page.goto(url());
    await region.scrollIntoViewIfNeeded();
    await expect
      .poll(() => region.getByRole('status').textContent())
      .toBe(
        `离线包已下载：全部 ${pack.files.length} 个文件（${(pack.bytes / 1024 / 1024).toFixed(1)} MB）已保存在本机，断网时也能打开。`,
      );
    expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    await close();
  });

  it('shows a new deploy on the next visit, keeps the version before it offline and drops older ones', async () => {
    const { root, origin, server } = await serveCopy();
    try {
      const { page, errors, close } = await openPage(browser);
      const cacheNames = async () =>
        (await page.evaluate(() => caches.keys())).filter((k) => k.startsWith('zerenzhi-')).sort();
      /** The versions the worker keeps, oldest first, once the newest has activated (sw-source.js). */
      const keptVersions = () =>
        page.evaluate(async () => {
          const list = await (await caches.open('zerenzhi:generations')).match(`${location.origin}/__generations`);
          return list ? ((await list.json()) as string[]) : [];
        });
      await page.goto(`${origin}/about/`);
      await expect
        .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 })
        .toBe(true);
      const [firstCache] = await cacheNames();
      expect(firstCache).toMatch(/^zerenzhi-[0-9a-f]{12}$/);

      /** A new build: a page changes, and with it the worker's version. */
      const deploy = (mark: string, version: string) => {
        const about = join(root, 'about', 'index.html');
        writeFileSync(about, readFileSync(about, 'utf8').replace(/(（新版\d）)?<\/h1>/, `${mark}</h1>`));
        const worker = join(root, 'sw.js');
        writeFileSync(
          worker,
          readFileSync(worker, 'utf8').replace(/const VERSION = '[0-9a-f]+';/, `const VERSION = '${version}';`),
        );
      };

      deploy('（新版1）', 'fedcba987654');
      await page.goto(`${origin}/about/`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/（新版1）$/);
      await expect.poll(keptVersions, { timeout: 20_000 }).toEqual([firstCache?.slice(9), 'fedcba987654']);
      await expect(cacheNames()).resolves.toEqual([firstCache, 'zerenzhi-fedcba987654'].sort());

      // Offline, the page read during the update is there, and a shell page of the new version.
      const online = errors.length;
      await page.context().setOffline(true);
      await page.goto(`${origin}/about/`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/（新版1）$/);
      await page.goto(`${origin}/search/`);
      await expect(page.getByRole('heading', { level: 1 }).count()).resolves.toBe(1);
      // The search page asks for the search index, which was never fetched here: the browser logs the failed
      // request, and the page says the index could not be loaded.
      await expect.poll(() => page.getByText(/检索索引载入失败/).count()).toBe(1);
      expect(errors.splice(online).filter((e) => e !== 'Failed to load resource: net::ERR_FAILED')).toEqual([]);
      await page.context().setOffline(false);

      // A second deploy: the first version's cache goes, the one before the newest stays.
      deploy('（新版2）', '0123456789ab');
      await page.goto(`${origin}/about/`);
      await page.goto(`${origin}/about/`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/（新版2）$/);
      await expect.poll(keptVersions, { timeout: 20_000 }).toEqual(['fedcba987654', '0123456789ab']);
      await expect(cacheNames()).resolves.toEqual(['zerenzhi-0123456789ab', 'zerenzhi-fedcba987654']);

      expect(errors).toEqual([]);
      await close();
    } finally {
      server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
