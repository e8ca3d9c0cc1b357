import { createHash } from 'node:crypto';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildLedger } from '../ledger';
import { APP, CURRENT_VERSION, type ChecklistRecord } from '../record';
import { evidencePaths, readLedgerZip, safeSegment, sha256Hex, writeLedgerZip, type FileStore } from '../zip';

const NOW = '2026-11-21T08:00:00.000Z';
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const photo = new TextEncoder().encode('photo bytes');
const minutes = new Uint8Array(3 * 1024 * 1024).map((_, i) => i % 251);

function memoryStore(initial: Record<string, Uint8Array> = {}): FileStore & { files: Map<string, Blob> } {
  const files = new Map(Object.entries(initial).map(([k, v]) => [k, new Blob([v as BlobPart])]));
  return {
    files,
    get: async (key) => files.get(key),
    put: async (key, blob) => {
      if (files.has(key)) return false;
      files.set(key, blob);
      return true;
    },
    remove: async (keys) => {
      for (const key of keys) files.delete(key);
    },
  };
}

const ref = (name: string, bytes: Uint8Array, type: string) => ({
  sha256: sha(bytes),
  name,
  type,
  size: bytes.length,
  added: NOW,
});
const record: ChecklistRecord = {
  app: APP,
  version: CURRENT_VERSION,
  unit: '某支部',
  selection: null,
  list: null,
  years: {
    '2026': {
      ticks: { 'D01-18/m3': { done: '2026-03-15', note: '' } },
      accountability: {},
      notApplicable: {},
      evidence: {
        'D01-18/m3': [ref('现场/照片:1.jpg', photo, 'image/jpeg'), ref('纪要.pdf', minutes, 'application/pdf')],
        'U-abcd1234/m4': [ref('现场/照片:1.jpg', photo, 'image/jpeg')],
      },
    },
  },
  savedAt: NOW,
};
const ledger = buildLedger(
  record,
  [
    {
      id: 'D01-18',
      source: 'published',
      document: 'a',
      docTitle: '某校细则',
      locator: '三、1',
      path: 'docs/a/#s3-1',
      duty: '召开上半年意识形态工作分析研判会',
      cadence: { period: 'year', count: 1, months: [3], window: '中旬' },
      cadenceText: '每年1次（3月中旬）',
      roles: [],
      printedRole: '校党委',
      citation: null,
    },
  ],
  { content: 'ledger', exportedAt: NOW, site: 'https://example.edu.cn/', roleName: (id) => id },
);
const stored = () => memoryStore({ [sha(photo)]: photo, [sha(minutes)]: minutes });

describe('the ledger ZIP', () => {
  it('names files by year, duty and occurrence, safe on every system', () => {
    expect(evidencePaths(ledger).map((e) => e.path)).toEqual([
      '佐证材料/2026/D01-18 召开上半年意识形态工作分析研判会/m3 3月中旬/01-现场_照片_1.jpg',
      '佐证材料/2026/D01-18 召开上半年意识形态工作分析研判会/m3 3月中旬/02-纪要.pdf',
      '佐证材料/2026/U-abcd1234/m4/01-现场_照片_1.jpg',
    ]);
    expect(safeSegment('..\\\\evil<>|?*.exe')).toBe('_evil_.exe');
    expect(safeSegment(`${'长'.repeat(80)}.docx`, 20)).toBe(`${'长'.repeat(15)}.docx`);
  });

  it('writes ledger.json, a manifest with every file’s SHA-256, and the files; and reads them back', async () => {
    const zip = await writeLedgerZip(ledger, stored());
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(JSON.parse(strFromU8(files['ledger.json'] as Uint8Array))).toEqual(ledger);
    const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array));
    expect(manifest.files).toHaveLength(4);
    for (const f of manifest.files) {
      expect(sha(files[f.path] as Uint8Array), f.path).toBe(f.sha256);
      expect((files[f.path] as Uint8Array).length).toBe(f.size);
    }
    const empty = memoryStore();
    const read = await readLedgerZip(zip, empty);
    expect(read.ledger).toEqual(ledger);
    expect(read.written.sort()).toEqual([sha(photo), sha(minutes)].sort());
    expect(new Uint8Array(await (empty.files.get(sha(minutes)) as Blob).arrayBuffer())).toEqual(minutes);
  });

  it('refuses to export when a file is missing from the store, naming it', async () => {
    await expect(writeLedgerZip(ledger, memoryStore({ [sha(photo)]: photo }))).rejects.toThrow(/纪要\.pdf/);
  });

  it('refuses a broken or altered ZIP and removes what it had written', async () => {
    const files = unzipSync(new Uint8Array(await (await writeLedgerZip(ledger, stored())).arrayBuffer()));
    const pdf = Object.keys(files).find((p) => p.endsWith('.pdf')) as string;
    const altered = zipSync({ ...files, [pdf]: minutes.map((b, i) => (i === 100 ? b ^ 1 : b)) });
    const store = memoryStore();
    await expect(readLedgerZip(new Blob([altered as BlobPart]), store)).rejects.toThrow(/与记录不符/);
    expect(store.files.size).toBe(0);
    await expect(readLedgerZip(new Blob([new Uint8Array([1, 2, 3])]), store)).rejects.toThrow(/不是完整的 ZIP/);
    await expect(readLedgerZip(new Blob([zipSync({ 'a.txt': photo }) as BlobPart]), store)).rejects.toThrow(
      /没有 ledger\.json/,
    );
    const noRoom = readLedgerZip(new Blob([zipSync(files) as BlobPart]), store, { room: async () => 100 });
    await expect(noRoom).rejects.toThrow(/存储空间不足/);
    expect(store.files.size).toBe(0);
  });

  it('hashes like the reference implementation, with or without crypto.subtle', async () => {
    expect(await sha256Hex(minutes)).toBe(sha(minutes));
    const subtle = Object.getOwnPropertyDescriptor(globalThis.crypto, 'subtle');
    Object.defineProperty(globalThis.crypto, 'subtle', { value: undefined, configurable: true });
    try {
      expect(await sha256Hex(minutes)).toBe(sha(minutes));
    } finally {
      if (subtle) Object.defineProperty(globalThis.crypto, 'subtle', subtle);
    }
  });
});
