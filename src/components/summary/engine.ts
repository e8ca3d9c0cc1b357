/** What the 汇总 loads with the first file opened: the ledger reader and the aggregation. */
import { sha256Hex } from '../../lib/checklist/zip';
import { openLedgerFile, type OpenedFile } from '../../lib/summary/open';

export { localToday } from '../../lib/checklist/status';
export {
  defaultYear,
  sameUnitFiles,
  summarize,
  summaryRoles,
  summaryUnits,
  summaryYears,
} from '../../lib/summary/aggregate';

/** Reads the chosen files in this browser, each on its own: one that cannot be used does not stop the others. */
export const openFiles = (files: readonly File[]): Promise<OpenedFile[]> =>
  Promise.all(
    files.map(async (file) => openLedgerFile(file.name, new Uint8Array(await file.arrayBuffer()), sha256Hex)),
  );
