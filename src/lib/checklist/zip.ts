/**
 * The ledger as one ZIP (layout in ledger.ts): ledger.json, manifest.json and
 * every evidence file in folders by year, duty and occurrence, written and
 * read with fflate. Work is cut into pieces (a file, or a MiB of one) with a
 * pause between them, so a 100 MB ledger never blocks the page for long.
 *
 * Reading checks everything before the record may change: the archive
 * opens, ledger.json is a ledger of this site, manifest.json lists it with
 * its hash, every file the record refers to is there with its size and
 * SHA-256. Files are written to the store as they pass; if anything fails,
 * those just written are removed again and nothing else was touched.
 */
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { Cadence } from '../../schemas/obligation';
import { LEDGER_FORMAT_VERSION, MANIFEST_FORMAT, parseLedger, type LedgerExport } from './ledger';
import { referencedFiles, type EvidenceRef } from './record';
import { slotsFor } from './slots';

export const CHUNK = 1024 * 1024;

export interface ManifestEntry {
  path: string;
  size: number;
  sha256: string;
}

export interface FileStore {
  /** The stored bytes of a file, or undefined when the browser does not have them. */
  get(sha256: string): Promise<Blob | undefined>;
  /** Stores a file; resolves to true when it was not stored before (so a failed import removes it again). */
  put(sha256: string, blob: Blob): Promise<boolean>;
  remove(sha256s: readonly string[]): Promise<void>;
}

export type Hash = (bytes: Uint8Array) => Promise<string>;

/** A pause that lets the page handle input between two pieces of work. */
export const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;
/** A name that is safe as one path segment on Windows, macOS and Linux, at most `max` characters. */
export function safeSegment(name: string, max = 60): string {
  const clean = name.replace(UNSAFE, '_').replace(/^[.\s]+|[.\s]+$/g, '') || '_';
  if (clean.length <= max) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return clean.slice(0, max - ext.length) + ext;
}

/** Where each evidence file goes in the ZIP: 佐证材料/<year>/<duty id> <title>/<occurrence key> <label>/<n>-<name>. */
export function evidencePaths(ledger: LedgerExport): { path: string; ref: EvidenceRef }[] {
  const titles = new Map(ledger.duties.map((d) => [d.id, d]));
  const out: { path: string; ref: EvidenceRef }[] = [];
  for (const [year, y] of Object.entries(ledger.record.years).sort()) {
    for (const [tickKey, refs] of Object.entries(y.evidence).sort()) {
      const [dutyId = '', slotKey = ''] = tickKey.split('/');
      const duty = titles.get(dutyId);
      const label = duty ? slotsFor(duty.cadence as Cadence, Number(year)).find((s) => s.key === slotKey)?.label : '';
      const folder = [
        '佐证材料',
        year,
        safeSegment(duty ? `${dutyId} ${duty.title}` : dutyId),
        safeSegment(label ? `${slotKey} ${label}` : slotKey),
      ].join('/');
      refs.forEach((ref, i) =>
        out.push({ path: `${folder}/${String(i + 1).padStart(2, '0')}-${safeSegment(ref.name, 100)}`, ref }),
      );
    }
  }
  return out;
}

export class LedgerZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LedgerZipError';
  }
}

/** The ZIP of a ledger; refuses (naming them) when files it refers to are not in the store. */
export async function writeLedgerZip(ledger: LedgerExport, store: FileStore): Promise<Blob> {
  const entries = evidencePaths(ledger);
  const blobs = new Map<string, Blob>();
  const missing: string[] = [];
  for (const { ref } of entries) {
    if (blobs.has(ref.sha256)) continue;
    const blob = await store.get(ref.sha256);
    if (blob && blob.size === ref.size) blobs.set(ref.sha256, blob);
    else missing.push(ref.name);
  }
  if (missing.length)
    throw new LedgerZipError(
      `以下佐证材料不在本浏览器中，无法导出完整的台账：${[...new Set(missing)].join('、')}。可先删除这些文件的记录，或导入含有它们的台账。`,
    );
  const ledgerBytes = strToU8(JSON.stringify(ledger, null, 2));
  const manifest = {
    format: MANIFEST_FORMAT,
    formatVersion: LEDGER_FORMAT_VERSION,
    files: [
      { path: 'ledger.json', size: ledgerBytes.length, sha256: await sha256Hex(ledgerBytes) },
      ...entries.map(({ path, ref }) => ({ path, size: ref.size, sha256: ref.sha256 })),
    ],
  };
  // The archive's bytes move into Blobs file by file, so no one step copies 100 MB and the page's own
  // memory holds at most a file's worth at a time.
  const done: Blob[] = [];
  let parts: Uint8Array[] = [];
  const settle = () => {
    if (parts.length) done.push(new Blob(parts as BlobPart[]));
    parts = [];
  };
  let failed: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failed = error;
    else parts.push(chunk);
  });
  const mtime = new Date(ledger.exportedAt);
  const addText = (name: string, bytes: Uint8Array) => {
    const file = new ZipDeflate(name, { level: 6 });
    file.mtime = mtime;
    zip.add(file);
    file.push(bytes, true);
  };
  addText('ledger.json', ledgerBytes);
  addText('manifest.json', strToU8(JSON.stringify(manifest, null, 2)));
  for (const { path, ref } of entries) {
    // Photos, PDF and Office files are compressed already: stored as they are.
    const file = new ZipPassThrough(path);
    file.mtime = new Date(ref.added);
    zip.add(file);
    const blob = blobs.get(ref.sha256) as Blob;
    if (blob.size === 0) file.push(new Uint8Array(0), true);
    for (let at = 0; at < blob.size; at += CHUNK) {
      file.push(new Uint8Array(await blob.slice(at, at + CHUNK).arrayBuffer()), at + CHUNK >= blob.size);
      await pause();
    }
    if (failed) throw failed;
    settle();
  }
  zip.end();
  if (failed) throw failed;
  settle();
  return new Blob(done, { type: 'application/zip' });
}

export const QUOTA =
  '浏览器的存储空间不足，台账中的佐证材料放不下，未导入，现有记录没有任何改动。可先删除不需要的文件，或换用空间更大的浏览器。';
const CORRUPT = '文件不是完整的 ZIP 台账（可能下载未完成或已损坏），未导入，现有记录没有任何改动。';

function readEntry(data: Uint8Array, name: string): Uint8Array | undefined {
  try {
    return unzipSync(data, { filter: (file) => file.name === name })[name];
  } catch {
    throw new LedgerZipError(CORRUPT);
  }
}

function parseManifest(bytes: Uint8Array | undefined): ManifestEntry[] {
  let value: unknown;
  try {
    value = bytes && JSON.parse(strFromU8(bytes));
  } catch {
    value = null;
  }
  const files = (value as { format?: unknown; files?: unknown } | null)?.files;
  const valid =
    (value as { format?: unknown } | null)?.format === MANIFEST_FORMAT &&
    Array.isArray(files) &&
    files.every(
      (f: Partial<ManifestEntry> | null) =>
        typeof f?.path === 'string' && typeof f.size === 'number' && typeof f.sha256 === 'string',
    );
  if (!valid) throw new LedgerZipError('ZIP 中的 manifest.json 缺失或格式不正确，未导入，现有记录没有任何改动。');
  return files as ManifestEntry[];
}

export interface ReadLedger {
  ledger: LedgerExport;
  /** Files this import stored that were not there before: removed again if the import is cancelled. */
  written: string[];
}

/**
 * Reads a ledger ZIP, checks every file by size and SHA-256 and stores the
 * files; the record is the caller's to switch over. Throws LedgerZipError
 * with a message in Chinese; then nothing it stored is left behind.
 */
export async function readLedgerZip(
  zipFile: Blob,
  store: FileStore,
  options: { hash?: Hash; room?: () => Promise<number | null> } = {},
): Promise<ReadLedger> {
  const hash = options.hash ?? sha256Hex;
  const data = new Uint8Array(await zipFile.arrayBuffer());
  const ledgerBytes = readEntry(data, 'ledger.json');
  if (!ledgerBytes) throw new LedgerZipError('ZIP 中没有 ledger.json，不是本站导出的台账，未导入。');
  const manifest = parseManifest(readEntry(data, 'manifest.json'));
  const parsed = parseLedger(strFromU8(ledgerBytes));
  if (!parsed.ledger) throw new LedgerZipError(`ledger.json：${parsed.problem.message}未导入。`);
  const listed = manifest.find((f) => f.path === 'ledger.json');
  if (!listed || listed.size !== ledgerBytes.length || listed.sha256 !== (await hash(ledgerBytes)))
    throw new LedgerZipError(
      'ledger.json 与 manifest.json 记载的不一致（文件被改动过），未导入，现有记录没有任何改动。',
    );
  const refs = [...referencedFiles(parsed.ledger.record).values()];
  // Refused before anything is written when the browser says the new files will not fit.
  const room = options.room ? await options.room() : null;
  if (room !== null) {
    let needed = 0;
    for (const ref of refs) if (!(await store.get(ref.sha256))) needed += ref.size;
    if (needed > room) throw new LedgerZipError(QUOTA);
  }
  const written: string[] = [];
  try {
    for (const ref of refs) {
      const entry = manifest.find((f) => f.sha256 === ref.sha256 && f.path !== 'ledger.json');
      const bytes = entry && readEntry(data, entry.path);
      if (!entry || !bytes)
        throw new LedgerZipError(`ZIP 中缺少佐证材料「${ref.name}」，未导入，现有记录没有任何改动。`);
      if (bytes.length !== ref.size || (await hash(bytes)) !== ref.sha256)
        throw new LedgerZipError(
          `佐证材料「${entry.path}」与记录不符（文件被改动或损坏），未导入，现有记录没有任何改动。`,
        );
      if (await store.put(ref.sha256, new Blob([bytes as BlobPart], { type: ref.type }))) written.push(ref.sha256);
      await pause();
    }
  } catch (error) {
    await store.remove(written);
    if (error instanceof Error && error.name === 'QuotaExceededError') throw new LedgerZipError(QUOTA);
    throw error;
  }
  return { ledger: parsed.ledger, written };
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * SHA-256 as lower-case hex: the browser's own (crypto.subtle, off the page's
 * thread) where it has one; on a plain-http intranet, where it has not,
 * @noble/hashes a MiB at a time with a pause between.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = typeof crypto !== 'undefined' ? crypto.subtle : undefined;
  if (subtle) return hex(new Uint8Array(await subtle.digest('SHA-256', bytes as BufferSource)));
  const { sha256 } = await import('@noble/hashes/sha2.js');
  const hasher = sha256.create();
  for (let at = 0; at < bytes.length; at += CHUNK) {
    hasher.update(bytes.subarray(at, at + CHUNK));
    await pause();
  }
  return hex(hasher.digest());
}
