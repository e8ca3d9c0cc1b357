/**
 * The home page's 本月应办 / 已逾期 notice, from the self-check's saved record.
 * Nothing is loaded for someone who never used the self-check: this script
 * only looks for the record; the code that reads it comes after.
 */
const notice = document.querySelector<HTMLElement>('#checklist-reminder');
let raw: string | null = null;
try {
  raw = window.localStorage.getItem('zerenzhi:checklist');
} catch {
  // Storage refused (private mode): there is no record to remind of.
}
if (notice && raw) void import('./checklistNotice').then((m) => m.showNotice(notice, raw as string));
