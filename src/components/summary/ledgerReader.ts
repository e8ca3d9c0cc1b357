/** What the 汇总 loads with the first file opened: the ledger reader and the aggregation. */
import { localToday } from '../../lib/checklist/status';
import { pause, sha256Hex } from '../../lib/checklist/zip';
import { occurrencesOf } from '../../lib/summary/aggregate';
import { openLedgerFile, type OpenedFile } from '../../lib/summary/open';

export { localToday };
export {
  defaultYear,
  sameUnitFiles,
  summarize,
  summaryRoles,
  summaryUnits,
  summaryYears,
} from '../../lib/summary/aggregate';

/**
 * Reads the chosen files in this browser, one at a time with a pause between, working out each ledger's
 * occurrences for its years and this year as it goes (so thirty ledgers do not hold the page in one long
 * task); a file that cannot be used does not stop the others.
 */
export async function openFiles(files: readonly File[]): Promise<OpenedFile[]> {
  const today = localToday();
  const opened: OpenedFile[] = [];
  for (const file of files) {
    const one = await openLedgerFile(file.name, new Uint8Array(await file.arrayBuffer()), sha256Hex);
    opened.push(one);
    await pause();
    if (!one.ok) continue;
    for (const year of new Set([Number(today.slice(0, 4)), ...Object.keys(one.ledger.record.years).map(Number)])) {
      occurrencesOf(one.ledger, year, today);
      await pause();
    }
  }
  return opened;
}
