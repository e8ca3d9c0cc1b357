/** What the 汇总 loads with the first file opened: the ledger reader and the aggregation. */
export { localToday } from '../../lib/checklist/status';
export { sha256Hex } from '../../lib/checklist/zip';
export { sameUnitFiles, summarize, summaryRoles, summaryUnits, summaryYears } from '../../lib/summary/aggregate';
export { openLedgerFile } from '../../lib/summary/open';
