/**
 * 汇总 benchmark (npm run bench): 30 branch ledgers × 100 duties (10 of them ZIPs with evidence),
 * made with the self-check's export code, opened at once in Chromium against the built site: the time
 * from choosing the files to the whole detail on screen, the longest task meanwhile, the time to write
 * the .xlsx, and the size of the Excel writer loaded on 导出 Excel. Medians over BENCH_RUNS.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { hasBrowser, launch } from '../e2e/browser';
import { branchLedger, ledgerZip, occurrenceKeys, siteDuties } from '../e2e/branchLedgers';
import { DIST, serve } from './serve';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LEDGERS = 30;
const DUTIES = 100;
const YEAR = new Date().getFullYear() - 1;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function writeLedgers(dir: string) {
  const site = siteDuties(DIST);
  const duties = site.duties.slice(0, DUTIES);
  const paths: string[] = [];
  for (let n = 0; n < LEDGERS; n += 1) {
    const done: Record<string, { date: string; note: string }> = {};
    duties.forEach((duty, i) =>
      occurrenceKeys(duty, YEAR).forEach((key, k) => {
        if ((i + k + n) % 3 !== 0)
          done[key] = { date: `${YEAR}-06-${String(1 + ((i + n) % 28)).padStart(2, '0')}`, note: `纪要〔${n}〕${i}号` };
      }),
    );
    const ledger = branchLedger(
      {
        unit: `第${n + 1}党支部`,
        exportedAt: `${YEAR}-12-20T02:00:00.000Z`,
        done,
        notApplicable: { [duties[n]!.id]: '不涉及' },
      },
      duties,
      YEAR,
      site,
    );
    const path = join(dir, `支部${n + 1}.${n < 10 ? 'zip' : 'json'}`);
    const evidence = { name: '纪要.pdf', type: 'application/pdf', bytes: new TextEncoder().encode(`%PDF-1.4 ${n}`) };
    writeFileSync(
      path,
      n < 10 ? await ledgerZip(ledger, YEAR, Object.keys(done)[0]!, [evidence]) : JSON.stringify(ledger),
    );
    paths.push(path);
  }
  return paths;
}

it.skipIf(!hasBrowser)(
  'measures the 汇总 of 30 ledgers × 100 duties',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summary-bench-'));
    const server = await serve([['/', DIST]]);
    const browser = await launch();
    try {
      const paths = await writeLedgers(dir);
      const opens: number[] = [];
      const longest: number[] = [];
      const exports: number[] = [];
      const longestExport: number[] = [];
      let rows = 0;
      for (let run = 0; run < RUNS; run += 1) {
        const page = await browser.newPage({ acceptDownloads: true });
        await page.goto(`${server.origin}/summary/`);
        await page.evaluate(() => {
          const w = window as unknown as { longest: number; chosen: number };
          w.longest = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
          }).observe({ type: 'longtask' });
          document
            .querySelector('input[type="file"]')
            ?.addEventListener('change', () => (w.chosen = performance.now()), { capture: true });
        });
        await page.getByLabel(/^选择台账文件/).setInputFiles(paths);
        const opened = await page.waitForFunction(
          (units) => {
            const w = window as unknown as { chosen?: number };
            return document.querySelectorAll('.summary-detail').length === units && w.chosen
              ? performance.now() - w.chosen
              : false;
          },
          LEDGERS,
          { polling: 'raf', timeout: 120_000 },
        );
        opens.push((await opened.jsonValue()) as number);
        longest.push(await page.evaluate(() => (window as unknown as { longest: number }).longest));
        rows = await page.locator('.summary-detail tbody tr').count();
        await page.evaluate(() => ((window as unknown as { longest: number }).longest = 0));
        const started = performance.now();
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: '导出 Excel（.xlsx）' }).click(),
        ]);
        await download.path();
        exports.push(performance.now() - started);
        longestExport.push(await page.evaluate(() => (window as unknown as { longest: number }).longest));
        await page.close();
      }

      const assets = join(DIST, '_astro');
      const writer = readFileSync(
        join(assets, readdirSync(assets).find((name) => name.startsWith('workbookWriter-')) ?? ''),
      );
      const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

      console.log(`汇总 of ${LEDGERS} ledgers × ${DUTIES} duties (${rows} occurrences), Chromium, median of ${RUNS}`);
      console.table({
        'open (choose → whole detail shown)': { ms: Math.round(median(opens)), runs: opens.map(Math.round).join(' ') },
        'longest task while opening': { ms: Math.round(median(longest)), runs: longest.map(Math.round).join(' ') },
        'write the .xlsx (click → download)': {
          ms: Math.round(median(exports)),
          runs: exports.map(Math.round).join(' '),
        },
        'longest task while writing': {
          ms: Math.round(median(longestExport)),
          runs: longestExport.map(Math.round).join(' '),
        },
      });
      console.log(
        `Excel writer (ExcelJS in a worker, loaded on 导出 Excel): ${kib(writer.length)}, ${kib(gzipSync(writer).length)} gzip`,
      );
      expect(rows).toBeGreaterThan(LEDGERS * DUTIES);
    } finally {
      await browser.close();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
  600_000,
);
