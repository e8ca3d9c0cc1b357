/** Browser glue for the self-check: storage access that cannot throw, downloads, persistence. */
import type { KeyValueStore } from '../../lib/checklist/store';

/** localStorage, or null when the browser refuses it (private mode, disabled, sandboxed). */
export function localStore(): KeyValueStore | null {
  try {
    const storage = window.localStorage;
    const probe = '__zerenzhi_probe__';
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

export const download = (name: string, text: string, type: string) => downloadBlob(name, new Blob([text], { type }));

export function downloadBlob(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Asks the browser not to evict the site's data; resolves to whether it agreed (null: cannot ask). */
export async function requestPersistence(): Promise<boolean | null> {
  try {
    if (!navigator.storage?.persist) return null;
    // eslint-disable-next-line compat/compat -- feature-detected on the line above: Safari 14 gets null
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return null;
  }
}
