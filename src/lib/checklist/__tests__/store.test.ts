import { describe, expect, it } from 'vitest';
import { APP, CURRENT_VERSION, emptyRecord, serializeRecord } from '../record';
import { BACKUP_KEY, RECORD_KEY, openStore, type KeyValueStore } from '../store';

function memoryStore(
  initial: Record<string, string> = {},
  failWrites = false,
): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      if (failWrites) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
      data.set(key, value);
    },
  };
}
const now = () => '2026-11-21T08:00:00.000Z';
const backups = (store: { data: Map<string, string> }) =>
  JSON.parse(store.data.get(BACKUP_KEY) ?? '[]') as { raw: string }[];

describe('openStore', () => {
  it('opens an empty store with a fresh record and saves to the one key', () => {
    const store = memoryStore();
    const opened = openStore(store, now);
    expect(opened).toMatchObject({ record: emptyRecord(now()), problem: null, mode: 'persistent' });
    const saved = opened.save({ ...emptyRecord('2020-01-01T00:00:00.000Z'), unit: '某校' });
    expect(saved).toEqual({ record: { ...emptyRecord(now()), unit: '某校' }, error: null });
    expect(JSON.parse(store.data.get(RECORD_KEY) ?? '')).toEqual(saved.record);
  });

  it('keeps corrupt data in the backup key and starts fresh', () => {
    const store = memoryStore({ [RECORD_KEY]: '{"app":"zerenzhi-checklist", broken' });
    const opened = openStore(store, now);
    expect(opened.problem?.kind).toBe('unreadable');
    expect(opened.mode).toBe('persistent');
    expect(backups(store)).toEqual([
      { keptAt: now(), reason: 'unreadable', raw: '{"app":"zerenzhi-checklist", broken' },
    ]);
    opened.save(emptyRecord());
    expect(backups(store)).toHaveLength(1);
  });

  it('adds to earlier backups and keeps an unreadable backup too', () => {
    const store = memoryStore({ [RECORD_KEY]: 'not json', [BACKUP_KEY]: 'also not json' });
    openStore(store, now);
    expect(backups(store).map((b) => b.raw)).toEqual(['also not json', 'not json']);
  });

  it('never overwrites a record from a newer version', () => {
    const newer = JSON.stringify({ app: APP, version: CURRENT_VERSION + 1, future: true });
    const store = memoryStore({ [RECORD_KEY]: newer });
    const opened = openStore(store, now);
    expect(opened.mode).toBe('read-only');
    expect(opened.problem?.kind).toBe('newer');
    opened.save(emptyRecord());
    expect(store.data.get(RECORD_KEY)).toBe(newer);
  });

  it('works in memory when the browser refuses storage, and says why a write failed', () => {
    const refusing: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(openStore(refusing, now).mode).toBe('memory');
    expect(openStore(null, now).mode).toBe('memory');
    const full = memoryStore({ [RECORD_KEY]: serializeRecord(emptyRecord()) }, true);
    expect(openStore(full, now).save(emptyRecord()).error).toMatch(/存储空间已满/);
    expect(openStore(null, now).save(emptyRecord()).record.savedAt).toBe(now());
  });

  it('does not start over a corrupt record it could not back up', () => {
    const store = memoryStore({ [RECORD_KEY]: 'garbage' }, true);
    const opened = openStore(store, now);
    expect(opened.mode).toBe('read-only');
    opened.save(emptyRecord());
    expect(store.data.get(RECORD_KEY)).toBe('garbage');
  });
});
