/**
 * Keeps the record in one namespaced key of a key-value store (localStorage
 * in the browser). Data that cannot be used is moved to the backup key, never
 * dropped; a record from a newer version is left untouched (read-only); a
 * store that is missing or refuses access means working in memory only; a
 * failed write is reported to the caller.
 */
import { emptyRecord, parseRecord, serializeRecord, type ChecklistRecord, type LoadProblem } from './record';

export const RECORD_KEY = 'zerenzhi:checklist';
export const BACKUP_KEY = 'zerenzhi:checklist:backup';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface BackupEntry {
  keptAt: string;
  reason: LoadProblem['kind'] | 'replaced-backup';
  raw: string;
}

/** persistent: saved in the browser; memory: the browser refuses storage; read-only: a newer record is kept as is. */
export type StoreMode = 'persistent' | 'memory' | 'read-only';

export interface OpenedStore {
  record: ChecklistRecord;
  problem: LoadProblem | null;
  mode: StoreMode;
  /**
   * Saves the record with savedAt set to now; returns what was saved (keep it, so an export carries
   * the same savedAt) and an error message in Chinese when the browser refuses.
   */
  save(record: ChecklistRecord): { record: ChecklistRecord; error: string | null };
}

function readBackups(store: KeyValueStore): BackupEntry[] {
  const raw = store.getItem(BACKUP_KEY);
  if (raw === null) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (Array.isArray(value)) return value as BackupEntry[];
  } catch {
    // An unreadable backup is itself kept, as an entry of the new list.
  }
  return [{ keptAt: '', reason: 'replaced-backup', raw }];
}

/** Appends the raw text to the backup list. Returns false when the store refuses. */
function keepAside(store: KeyValueStore, entry: BackupEntry): boolean {
  try {
    store.setItem(BACKUP_KEY, JSON.stringify([...readBackups(store), entry]));
    return true;
  } catch {
    return false;
  }
}

const writeError = (error: unknown) =>
  `未能保存（${error instanceof Error && error.name === 'QuotaExceededError' ? '浏览器存储空间已满' : '浏览器拒绝写入'}），刚才的修改只在本页有效，请导出备份。`;

export function openStore(
  store: KeyValueStore | null,
  now: () => string = () => new Date().toISOString(),
): OpenedStore {
  let raw: string | null;
  const stamp = (record: ChecklistRecord) => ({ ...record, savedAt: now() });
  const keepInPage = (record: ChecklistRecord) => ({ record: stamp(record), error: null });
  const unchanged = (record: ChecklistRecord) => ({ record, error: null });
  try {
    if (!store) throw new Error('no storage');
    raw = store.getItem(RECORD_KEY);
  } catch {
    return { record: emptyRecord(now()), problem: null, mode: 'memory', save: keepInPage };
  }
  const loaded = parseRecord(raw, now);
  const save = (record: ChecklistRecord) => {
    const stamped = stamp(record);
    try {
      store.setItem(RECORD_KEY, serializeRecord(stamped));
      return { record: stamped, error: null };
    } catch (error) {
      return { record: stamped, error: writeError(error) };
    }
  };
  if (loaded.problem === null) return { record: loaded.record, problem: null, mode: 'persistent', save };
  const fresh = emptyRecord(now());
  if (loaded.problem.kind === 'newer')
    return { record: fresh, problem: loaded.problem, mode: 'read-only', save: unchanged };
  const kept = keepAside(store, { keptAt: now(), reason: loaded.problem.kind, raw: loaded.problem.raw });
  // Without a copy in the backup key the damaged record must not be overwritten.
  return {
    record: fresh,
    problem: loaded.problem,
    mode: kept ? 'persistent' : 'read-only',
    save: kept ? save : unchanged,
  };
}
