/** The year as table rows (for the CSV export): one per occurrence, then one per accountability circumstance. */
import type { YearPlan } from './plan';
import type { YearRecord } from './record';
import { STATUS_LABELS } from './status';

const shortDate = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
const range = (start: string | null, end: string | null) =>
  start && end ? `${shortDate(start)}—${end.slice(0, 4) !== start.slice(0, 4) ? '次年' : ''}${shortDate(end)}` : '';

export const ANSWER_WORDS = { yes: '是', no: '否', unsure: '不确定' } as const;

export function yearRows(
  plan: YearPlan,
  year: number,
  items: readonly { key: string; document: string; locator: string; text: string }[],
  record: YearRecord,
  docTitle: (slug: string) => string,
) {
  const rows = plan.groups.flatMap((g) =>
    g.duties.flatMap((p) =>
      p.slots.map((slot) => ({
        年度: String(year),
        时间: g.group,
        文件: p.duty.docTitle ?? '本单位',
        条款: p.duty.locator ?? p.duty.citation ?? '',
        工作: p.duty.duty,
        频次: p.duty.cadenceText,
        责任主体: p.duty.printedRole ?? '',
        次序: slot.label,
        期限: range(slot.start, slot.end),
        完成日期: slot.done ?? '',
        备注: slot.reason ? `不适用：${slot.reason}` : slot.note,
        状态: STATUS_LABELS[slot.status],
      })),
    ),
  );
  // The accountability self-assessment follows the duties, one row per circumstance.
  const answers = items.map((item) => {
    const answer = record.accountability[item.key];
    return {
      年度: String(year),
      时间: '追责问责自查',
      文件: docTitle(item.document),
      条款: item.locator,
      工作: item.text,
      频次: '每年',
      责任主体: '',
      次序: '',
      期限: '',
      完成日期: '',
      备注: answer?.note ?? '',
      状态: answer?.answer ? `是否存在此情形：${ANSWER_WORDS[answer.answer]}` : '未回答',
    };
  });
  return [...rows, ...answers];
}
