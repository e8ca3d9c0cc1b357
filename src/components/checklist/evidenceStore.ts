/**
 * Evidence files in IndexedDB (database zerenzhi-evidence, store files), by
 * the SHA-256 of their bytes, through idb-keyval: the same file attached to
 * two occurrences is stored once. Files no stored record refers to are
 * removed when the page opens (collectGarbage), not at once, so that 撤销
 * still finds them during the visit.
 */
import { clear, createStore, del, delMany, get, keys, set, type UseStore } from 'idb-keyval';
import type { ChecklistRecord } from '../../lib/checklist/record';
import { referencedFiles } from '../../lib/checklist/record';
import type { FileStore } from '../../lib/checklist/zip';

interface StoredFile {
  blob: Blob;
  /** When it was stored (ms): a file younger than an hour is never collected (another tab may be adding it). */
  storedAt: number;
}

let db: UseStore | undefined;
const files = () => {
  if (!db) db = createStore('zerenzhi-evidence', 'files');
  return db;
};

export const evidenceStore: FileStore = {
  async get(sha256) {
    return ((await get(sha256, files())) as StoredFile | undefined)?.blob;
  },
  async put(sha256, blob) {
    if (await get(sha256, files())) return false;
    await set(sha256, { blob, storedAt: Date.now() } satisfies StoredFile, files());
    return true;
  },
  async remove(sha256s) {
    if (sha256s.length) await delMany([...sha256s], files());
  },
};

export const removeFile = (sha256: string) => del(sha256, files());

/** Removes the files that `record` (the stored one) no longer refers to. */
export async function collectGarbage(record: ChecklistRecord, now = Date.now()) {
  const used = referencedFiles(record);
  const stale: string[] = [];
  for (const key of (await keys(files())) as string[]) {
    if (used.has(key)) continue;
    const file = (await get(key, files())) as StoredFile | undefined;
    if (!file || now - file.storedAt > 3600_000) stale.push(key);
  }
  await evidenceStore.remove(stale);
  return stale.length;
}

/** Removes every stored file (清除本浏览器中的全部数据). */
export const clearFiles = () => clear(files());

/** Storage the site uses and may use, in bytes; null where the browser does not say (Safari before 17). */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  try {
    if (!navigator.storage?.estimate) return null;
    // eslint-disable-next-line compat/compat -- feature-detected on the line above: Safari 14 gets null
    const estimate = await navigator.storage.estimate();
    return estimate && typeof estimate.usage === 'number' && typeof estimate.quota === 'number'
      ? { usage: estimate.usage, quota: estimate.quota }
      : null;
  } catch {
    return null;
  }
}

export const megabytes = (bytes: number) =>
  bytes >= 1024 ** 3
    ? `${(bytes / 1024 ** 3).toFixed(1)} GB`
    : bytes >= 1024 ** 2
      ? `${(bytes / 1024 ** 2).toFixed(1)} MB`
      : `${Math.max(1, Math.round(bytes / 1024))} KB`;
