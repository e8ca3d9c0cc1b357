/**
 * Reading an imported file, JSON or ZIP, into a record (loaded only when used:
 * the ZIP code and IndexedDB stay out of the page's first script).
 */
import { parseLedgerValue, type LedgerExport } from '../../lib/checklist/ledger';
import { recordFromValue, type ChecklistRecord } from '../../lib/checklist/record';
import { LedgerZipError, readLedgerZip, writeLedgerZip } from '../../lib/checklist/zip';
import { clearFiles, collectGarbage, evidenceStore, storageEstimate } from './evidenceStore';

export type ReadResult = { record: ChecklistRecord; written: string[] } | { error: string };

const isZip = async (file: Blob) => {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return head[0] === 0x50 && head[1] === 0x4b;
};

/** A ledger ZIP, an exported ledger.json, or a record as stored (any version). */
export async function readImport(file: File): Promise<ReadResult> {
  if (await isZip(file)) {
    try {
      const room = async () => {
        const estimate = await storageEstimate();
        return estimate && estimate.quota - estimate.usage;
      };
      const { ledger, written } = await readLedgerZip(file, evidenceStore, { room });
      return { record: ledger.record, written };
    } catch (error) {
      return {
        error:
          error instanceof LedgerZipError ? error.message : `未能导入 ZIP（${String(error)}），现有记录没有任何改动。`,
      };
    }
  }
  const text = await file.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: '未导入：文件已损坏，无法读取。当前记录没有任何改动。' };
  }
  if ((value as { format?: unknown } | null)?.format !== undefined) {
    const parsed = parseLedgerValue(value);
    return parsed.ledger
      ? { record: parsed.ledger.record, written: [] }
      : { error: `未导入：${parsed.problem.message}当前记录没有任何改动。` };
  }
  const loaded = recordFromValue(value, text, () => new Date().toISOString());
  return loaded.record
    ? { record: loaded.record, written: [] }
    : { error: `未导入：${loaded.problem.message.replace('保存的', '文件中的')}当前记录没有任何改动。` };
}

export const ledgerZip = (ledger: LedgerExport) => writeLedgerZip(ledger, evidenceStore);
export { collectGarbage, evidenceStore };
export const clearAll = clearFiles;
