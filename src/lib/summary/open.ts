/**
 * Opens one exported ledger for the 汇总: ledger.json (导出记录) or the ZIP (导出台账), in the format of
 * src/lib/checklist/ledger.ts and zip.ts. Never throws: a file that cannot be used gets a message in
 * Chinese saying why, and the other files are still shown. Nothing is stored or sent anywhere.
 *
 * From a ZIP only ledger.json and manifest.json are unpacked; ledger.json must match the manifest's
 * size and SHA-256 (a changed file is refused). Evidence files are counted and checked to be in the
 * archive with their listed size, not unpacked or shown.
 */
import { strFromU8, unzipSync } from 'fflate';
import { parseLedger, type LedgerExport } from '../checklist/ledger';
import { APP, referencedFiles } from '../checklist/record';
import type { Hash, ManifestEntry } from '../checklist/zip';
import { MANIFEST_FORMAT } from '../checklist/ledger';

export interface EvidenceSummary {
  /** Evidence files the record lists for all its years. */
  files: number;
  bytes: number;
  /** Whether the file carries them (a ZIP) or only refers to them (ledger.json). */
  included: boolean;
  /** Names of listed files a ZIP lacks (or holds with another size). */
  missing: string[];
}

export interface OpenedLedger {
  ok: true;
  name: string;
  kind: 'json' | 'zip';
  ledger: LedgerExport;
  evidence: EvidenceSummary;
}
export interface RefusedFile {
  ok: false;
  name: string;
  message: string;
}
export type OpenedFile = OpenedLedger | RefusedFile;

export const MESSAGES = {
  empty: '文件是空的。',
  corrupt: 'ZIP 文件已损坏或不完整（可能没有下载完），无法打开。',
  noLedger: 'ZIP 中没有 ledger.json，不是本站导出的台账。',
  manifest: 'ZIP 中的 manifest.json 缺失或格式不正确，无法核对 ledger.json 是否完整，未采用。',
  altered: 'ledger.json 与 manifest.json 记载的大小或校验值不一致（文件被改动或损坏），未采用。',
  record: '这是旧版自查页导出的记录，不含工作名称，无法汇总；请在自查页打开后重新“导出台账”。',
  list: '这是一份工作清单（供下发使用），没有办理记录，不计入汇总。',
} as const;

const refuse = (name: string, message: string): RefusedFile => ({ ok: false, name, message });

/** ZIP files start with a local file header, or (empty) the end of the central directory. */
const isZip = (bytes: Uint8Array) =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);

function manifestEntries(bytes: Uint8Array | undefined): ManifestEntry[] | null {
  if (!bytes) return null;
  let value: unknown;
  try {
    value = JSON.parse(strFromU8(bytes));
  } catch {
    return null;
  }
  const manifest = value as { format?: unknown; files?: unknown } | null;
  if (manifest?.format !== MANIFEST_FORMAT || !Array.isArray(manifest.files)) return null;
  const files = manifest.files as Partial<ManifestEntry>[];
  return files.every((f) => typeof f?.path === 'string' && typeof f.size === 'number' && typeof f.sha256 === 'string')
    ? (files as ManifestEntry[])
    : null;
}

function ledgerFrom(name: string, text: string, now: () => string): LedgerExport | RefusedFile {
  const parsed = parseLedger(text.replace(/^\uFEFF/, ''), now);
  if (parsed.ledger) return parsed.ledger.content === 'list' ? refuse(name, MESSAGES.list) : parsed.ledger;
  if (parsed.problem.kind === 'foreign') {
    try {
      if ((JSON.parse(text) as { app?: unknown } | null)?.app === APP) return refuse(name, MESSAGES.record);
    } catch {
      // not JSON: the ledger's own message says so
    }
  }
  return refuse(name, parsed.problem.message);
}

function evidenceOf(ledger: LedgerExport, included: boolean, missing: string[] = []): EvidenceSummary {
  const refs = [...referencedFiles(ledger.record).values()];
  return { files: refs.length, bytes: refs.reduce((n, ref) => n + ref.size, 0), included, missing };
}

async function openZip(name: string, bytes: Uint8Array, hash: Hash, now: () => string): Promise<OpenedFile> {
  const sizes = new Map<string, number>();
  let unpacked: Record<string, Uint8Array>;
  try {
    unpacked = unzipSync(bytes, {
      filter: (entry) => {
        sizes.set(entry.name, entry.originalSize);
        return entry.name === 'ledger.json' || entry.name === 'manifest.json';
      },
    });
  } catch {
    return refuse(name, MESSAGES.corrupt);
  }
  const ledgerBytes = unpacked['ledger.json'];
  if (!ledgerBytes) return refuse(name, MESSAGES.noLedger);
  const manifest = manifestEntries(unpacked['manifest.json']);
  if (!manifest) return refuse(name, MESSAGES.manifest);
  const listed = manifest.find((f) => f.path === 'ledger.json');
  if (!listed || listed.size !== ledgerBytes.length || listed.sha256 !== (await hash(ledgerBytes)))
    return refuse(name, MESSAGES.altered);
  const ledger = ledgerFrom(name, strFromU8(ledgerBytes), now);
  if ('ok' in ledger) return ledger;
  const missing = [...referencedFiles(ledger.record).values()]
    .filter((ref) => !manifest.some((f) => f.sha256 === ref.sha256 && sizes.get(f.path) === ref.size))
    .map((ref) => ref.name);
  return { ok: true, name, kind: 'zip', ledger, evidence: evidenceOf(ledger, true, missing) };
}

export async function openLedgerFile(
  name: string,
  bytes: Uint8Array,
  hash: Hash,
  now: () => string = () => new Date().toISOString(),
): Promise<OpenedFile> {
  if (bytes.length === 0) return refuse(name, MESSAGES.empty);
  if (isZip(bytes)) return openZip(name, bytes, hash, now);
  const ledger = ledgerFrom(name, strFromU8(bytes), now);
  if ('ok' in ledger) return ledger;
  return { ok: true, name, kind: 'json', ledger, evidence: evidenceOf(ledger, false) };
}
