/**
 * The record as the page holds it: opened once from localStorage, saved on
 * every change (with savedAt), kept in step with other tabs, and never
 * written when the stored one could not be kept aside or is from a newer
 * version (read-only).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { parseRecord, type ChecklistRecord } from '../../lib/checklist/record';
import { openStore, RECORD_KEY } from '../../lib/checklist/store';
import { localStore, requestPersistence } from './browser';

export function useLedger() {
  const [store] = useState(() => openStore(localStore()));
  const [record, setRecord] = useState<ChecklistRecord>(store.record);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  /** The latest record, for changes that finish after an await. */
  const latest = useRef(record);
  latest.current = record;

  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== RECORD_KEY || store.mode !== 'persistent') return;
      const loaded = parseRecord(event.newValue);
      if (loaded.record) setRecord(loaded.record);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [store]);

  const readOnly = store.mode === 'read-only';
  /** Saves a changed record; returns false when the browser refused it (the page says so). */
  const commit = (next: ChecklistRecord): boolean => {
    if (readOnly) return false;
    const saved = store.save(next);
    latest.current = saved.record;
    setRecord(saved.record);
    setSaveError(saved.error);
    if (!saved.error && persisted === null) void requestPersistence().then(setPersisted);
    return saved.error === null;
  };
  /** Applies a change to the latest record (also after an await). */
  const change = (edit: (record: ChecklistRecord) => ChecklistRecord) => commit(edit(latest.current));
  return { store, record, readOnly, commit, change, saveError, persisted };
}

export type Ledger = ReturnType<typeof useLedger>;
