/** What the saved self-check says is due this month or overdue, for the home page (loaded only when a record exists). */
import type { DocumentDuties } from '../data/checklist';
import { planYear, resolveList, type ChecklistDuty } from '../lib/checklist/plan';
import { emptyYear, parseRecord } from '../lib/checklist/record';
import { localToday } from '../lib/checklist/status';
import { href } from '../components/link';

async function duties(slug: string): Promise<ChecklistDuty[]> {
  const response = await fetch(href(`checklist/duties/${encodeURIComponent(slug)}.json`));
  if (!response.ok) throw new Error(String(response.status));
  return ((await response.json()) as DocumentDuties).duties;
}

export async function showNotice(notice: HTMLElement, raw: string) {
  const { record } = parseRecord(raw);
  // Nothing chosen and no list: the self-check was only looked at.
  if (!record || (!record.selection && !record.list)) return;
  const today = localToday();
  const year = Number(today.slice(0, 4));
  const documents = record.selection?.documents ?? [];
  const needed = [
    ...new Set([...documents, ...(record.list ?? []).flatMap((e) => (e.kind === 'published' ? [e.document] : []))]),
  ];
  const loaded = new Map<string, ChecklistDuty[]>();
  // A document that cannot be fetched now (offline) is left out of the count, not reported here.
  await Promise.all(
    needed.map((slug) =>
      duties(slug).then(
        (d) => loaded.set(slug, d),
        () => undefined,
      ),
    ),
  );
  const list = resolveList(record.list, documents, record.selection?.roles ?? [], loaded);
  const plan = planYear(list.duties, year, record.years[String(year)] ?? emptyYear(), today);
  if (plan.dueThisMonth + plan.overdue.length === 0) return;
  const link = document.createElement('a');
  link.href = href('checklist/');
  link.textContent = '打开年度自查';
  notice.textContent = `${record.unit ? `${record.unit}：` : ''}本月应办 ${plan.dueThisMonth} 项 · 已逾期 ${plan.overdue.length} 项。`;
  notice.append(link);
  notice.hidden = false;
}
