import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  it('reads pages, searches and keeps the self-check with the network cut', async () => {
    const { page, errors, close } = await openPage(browser);
    await page.goto(url());
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 })
      .toBe(true);
    // Searches online, so the search files they need are cached on first use.
    for (const query of ['网评员', '联席会议', '一岗两责']) {
      await page.getByRole('searchbox', { name: '搜索条款' }).fill(query);
      await expect
        .poll(() => page.getByRole('list', { name: '搜索结果' }).getByRole('link').first().textContent())
        .toBeTruthy();
      await expect.poll(() => page.locator('.search-panel[aria-busy="true"]').count()).toBe(0);
    }

    await page.context().setOffline(true);
    expect(
      await page.evaluate(() =>
        fetch('/').then(
          () => 'online',
          () => 'offline',
        ),
      ),
    ).toBeDefined();

    await page.goto(url('roles/first-responsible/'));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('第一责任人的责任清单');

    await page.goto(url('docs/central-school-risk-prevention-mechanism/'));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('中心学校党总支');
    await page.getByRole('searchbox', { name: '搜索条款' }).fill('联席会议');
    await expect.poll(() => page.getByRole('list', { name: '搜索结果' }).locator('li').count()).toBeGreaterThan(0);

    await page.goto(url(`search/?q=${encodeURIComponent('一岗两责')}`));
    await page.getByRole('status').filter({ hasText: /找到/ }).waitFor();
    // This index is small enough to come whole in one file on first use: a query never typed online works too.
    await page.getByRole('searchbox', { name: '搜索条款' }).fill('教材选用');
    await page.getByRole('status').filter({ hasText: /找到/ }).waitFor();

    await page.goto(url('checklist/'));
    await selfCheckRendered(page);
    const box = page.locator('.check-duty input[type="checkbox"]').first();
    await box.check();
    await expect(box.isChecked()).resolves.toBe(true);

    await page.context().setOffline(false);
    expect(errors).toEqual([]);
    await close();
  });

  it('shows a new deploy on the next visit and drops the cache of the old one', async () => {
    const { root, origin, server } = await serveCopy();
    try {
      const { page, errors, close } = await openPage(browser);
      const cacheNames = () => page.evaluate(() => caches.keys());
      await page.goto(`${origin}/about/`);
      await expect
        .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 })
        .toBe(true);
      const [oldCache] = await cacheNames();
      expect(oldCache).toMatch(/^zerenzhi-[0-9a-f]{12}$/);

      // A new build: a page changes, and with it the worker's version.
      const about = join(root, 'about', 'index.html');
      writeFileSync(about, readFileSync(about, 'utf8').replace('</h1>', '（新版）</h1>'));
      const worker = join(root, 'sw.js');
      writeFileSync(
        worker,
        readFileSync(worker, 'utf8').replace(/const VERSION = '[0-9a-f]+';/, "const VERSION = 'fedcba987654';"),
      );

      await page.goto(`${origin}/about/`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/（新版）$/);
      await expect.poll(cacheNames, { timeout: 20_000 }).toEqual(['zerenzhi-fedcba987654']);

      await page.context().setOffline(true);
      await page.goto(`${origin}/about/`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/（新版）$/);
      await page.goto(`${origin}/calendar/`);
      await expect(page.getByRole('heading', { level: 1 }).count()).resolves.toBe(1);
      await page.context().setOffline(false);

      expect(errors).toEqual([]);
      await close();
    } finally {
      server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
