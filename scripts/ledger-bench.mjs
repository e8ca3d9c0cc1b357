// Ledger ZIP benchmark (run alone: `npm run build:local && npm run bench:ledger`; also part of `npm run bench`):
// a ledger of 100 duties and 50 evidence files totalling 100 MB, exported as one ZIP and imported back into
// an empty browser, in Chromium against dist/. Prints per run and the medians of BENCH_RUNS runs (default 3):
// time, the longest task on the page's thread (PerformanceObserver 'longtask'), and peak resident memory of
// Chromium's processes (VmHWM after resetting it through /proc/<pid>/clear_refs), renderer and all.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const DUTIES = 100;
const FILES = 50;
const TOTAL = 100 * 1024 * 1024;
const dist = join(process.cwd(), 'dist');
if (!existsSync(join(dist, 'checklist', 'index.html')))
  throw new Error('dist/ is missing: run `npm run build:local` first.');

// The built site as the browser tests serve it (one `astro preview` per project: stop `npm start` first).
const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
const server = spawn(
  process.execPath,
  [join('node_modules', 'astro', 'bin', 'astro.mjs'), 'preview', '--host', '127.0.0.1', '--port', String(port)],
  {
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  },
);
process.on('exit', () => server.kill());
const origin = `http://127.0.0.1:${port}`;
for (let tries = 0; ; tries += 1) {
  try {
    if ((await fetch(`${origin}/checklist/`)).ok) break;
  } catch {
    if (tries > 150) throw new Error('astro preview did not start');
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}

/** Chromium's processes: the browser (found by its profile folder) and every process below it. */
function processes(profile) {
  const all = readdirSync('/proc').filter((n) => /^\d+$/.test(n));
  const info = all.flatMap((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return [{ pid, ppid: stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1], cmd }];
    } catch {
      return [];
    }
  });
  const root = info.filter((p) => p.cmd.includes(profile) && !p.cmd.includes('--type='));
  const found = new Set(root.map((p) => p.pid));
  for (let grew = true; grew;) {
    grew = false;
    for (const p of info)
      if (!found.has(p.pid) && found.has(p.ppid)) {
        found.add(p.pid);
        grew = true;
      }
  }
  return info.filter((p) => found.has(p.pid));
}
const resetPeaks = (procs) =>
  procs.forEach((p) => {
    try {
      writeFileSync(`/proc/${p.pid}/clear_refs`, '5');
    } catch {
      /* gone */
    }
  });
const peak = (pid) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
function peaks(procs) {
  let renderer = 0;
  let all = 0;
  for (const p of procs) {
    try {
      const bytes = peak(p.pid);
      all += bytes;
      if (p.cmd.includes('--type=renderer')) renderer = Math.max(renderer, bytes);
    } catch {
      // exited
    }
  }
  return { renderer, all };
}

/** Writes the ledger straight into the page's storage: the record in localStorage, the files in IndexedDB. */
const SEED = `async ({ duties, files, total }) => {
  const size = Math.floor(total / files);
  const hex = (b) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('');
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('zerenzhi-evidence');
    request.onupgradeneeded = () => request.result.createObjectStore('files');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const year = new Date().getFullYear();
  const list = Array.from({ length: duties }, (_, i) => ({
    kind: 'own', id: 'U-bench' + String(i).padStart(3, '0'), text: '台账测试工作' + (i + 1),
    cadence: { period: 'month', count: 1 }, roles: [],
  }));
  const evidence = {};
  for (let i = 0; i < files; i += 1) {
    const bytes = new Uint8Array(size);
    for (let at = 0; at < size; at += 65536) crypto.getRandomValues(bytes.subarray(at, at + 65536));
    const sha256 = hex(await crypto.subtle.digest('SHA-256', bytes));
    const blob = new Blob([bytes], { type: 'application/pdf' });
    await new Promise((resolve, reject) => {
      const tx = db.transaction('files', 'readwrite');
      tx.objectStore('files').put({ blob, storedAt: Date.now() }, sha256);
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    const key = list[i * 2].id + '/m' + ((i % 12) + 1);
    evidence[key] = [{ sha256, name: '材料' + (i + 1) + '.pdf', type: 'application/pdf', size, added: new Date().toISOString() }];
  }
  db.close();
  const ticks = Object.fromEntries(Object.keys(evidence).map((k) => [k, { done: year + '-01-15', note: '' }]));
  localStorage.setItem('zerenzhi:checklist', JSON.stringify({
    app: 'zerenzhi-checklist', version: 3, unit: '基准测试单位', selection: null, list,
    years: { [year]: { ticks, accountability: {}, notApplicable: {}, evidence } }, savedAt: new Date().toISOString(),
  }));
}`;
const WATCH = `window.__longest = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration); })
  .observe({ type: 'longtask', buffered: true });`;
const CLEAR = `() => new Promise((resolve) => { localStorage.clear(); const r = indexedDB.deleteDatabase('zerenzhi-evidence'); r.onsuccess = r.onerror = r.onblocked = resolve; })`;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
/** The observer reports tasks of 50 ms and more only. */
const task = (ms) => (ms >= 50 ? `${ms.toFixed(0)} ms` : 'none ≥ 50 ms');
const results = [];
for (let run = 0; run < runs; run += 1) {
  const profile = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${origin}/checklist/`);
  await page.evaluate(`(${CLEAR})()`);
  await page.evaluate(`(${SEED})(${JSON.stringify({ duties: DUTIES, files: FILES, total: TOTAL })})`);
  await page.addInitScript(WATCH);
  await page.reload();
  await page.getByRole('heading', { name: '保存与导出' }).waitFor({ timeout: 120_000 });
  await page.waitForTimeout(1000);
  await page.evaluate('window.__longest = 0');
  const procs = processes(profile);
  resetPeaks(procs);

  let started = performance.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 300_000 }),
    page.getByRole('button', { name: '导出台账（ZIP，含佐证材料）' }).click(),
  ]);
  const zipFile = join(profile, 'ledger.zip');
  await download.saveAs(zipFile);
  const exportMs = performance.now() - started;
  const exportLongest = await page.evaluate('window.__longest');
  const exportPeak = peaks(processes(profile));
  const zipBytes = readFileSync(zipFile).length;

  await page.evaluate(`(${CLEAR})()`);
  await page.reload();
  await page.getByRole('heading', { name: '保存与导出' }).waitFor();
  await page.waitForTimeout(1000);
  await page.evaluate('window.__longest = 0');
  resetPeaks(processes(profile));
  started = performance.now();
  await page.getByLabel('导入记录（JSON 或 ZIP）').setInputFiles(zipFile);
  await page.getByRole('button', { name: '确认导入' }).click({ timeout: 300_000 });
  await page.getByRole('status').filter({ hasText: '已导入。' }).waitFor({ timeout: 300_000 });
  const importMs = performance.now() - started;
  const importLongest = await page.evaluate('window.__longest');
  const importPeak = peaks(processes(profile));
  const restored = await page.evaluate(
    `new Promise((resolve) => { const r = indexedDB.open('zerenzhi-evidence'); r.onsuccess = () => { const q = r.result.transaction('files').objectStore('files').count(); q.onsuccess = () => resolve(q.result); }; })`,
  );
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  if (restored !== FILES) throw new Error(`import restored ${restored} of ${FILES} files`);
  const result = { exportMs, exportLongest, exportPeak, importMs, importLongest, importPeak, zipBytes };
  results.push(result);
  console.log(
    `run ${run + 1}: export ${(exportMs / 1000).toFixed(2)} s (longest task ${task(exportLongest)}, peak renderer ${mib(exportPeak.renderer)}, all ${mib(exportPeak.all)}); ` +
      `import ${(importMs / 1000).toFixed(2)} s (longest task ${task(importLongest)}, peak renderer ${mib(importPeak.renderer)}, all ${mib(importPeak.all)}); ZIP ${mib(zipBytes)}`,
  );
}
server.kill();

const m = (pick) => median(results.map(pick));
console.log(`ledger ZIP benchmark: ${DUTIES} duties, ${FILES} files, ${mib(TOTAL)} in all; ${runs} runs, median`);
console.table({
  export: {
    'time (s)': Number((m((r) => r.exportMs) / 1000).toFixed(2)),
    'longest task': task(m((r) => r.exportLongest)),
    'peak renderer': mib(m((r) => r.exportPeak.renderer)),
    'peak all processes': mib(m((r) => r.exportPeak.all)),
  },
  import: {
    'time (s)': Number((m((r) => r.importMs) / 1000).toFixed(2)),
    'longest task': task(m((r) => r.importLongest)),
    'peak renderer': mib(m((r) => r.importPeak.renderer)),
    'peak all processes': mib(m((r) => r.importPeak.all)),
  },
});
const worst = Math.max(...results.flatMap((r) => [r.exportLongest, r.importLongest]));
if (worst >= 200) {
  console.error(`a task took ${worst.toFixed(0)} ms (budget: under 200 ms)`);
  process.exitCode = 1;
}
