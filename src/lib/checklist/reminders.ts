/** The personal calendar's events: each open, dated occurrence of the duties on one's list in a year. */
import type { OccurrenceEvent } from '../obligations/ics';
import type { PlannedDuty } from './plan';

export function reminderEvents(
  planned: readonly PlannedDuty[],
  year: number,
  today: string,
  site: string,
): OccurrenceEvent[] {
  return planned.flatMap(({ duty, slots }) =>
    slots
      .filter((s) => s.start && s.end && s.end >= today && !s.done && s.status !== 'not-applicable')
      .map((s) => ({
        uid: `${s.tickKey.replace('/', '-')}-${year}`,
        summary: `${duty.duty}（${s.label}）`,
        description: [
          duty.cadenceText,
          duty.path
            ? `依据：《${duty.docTitle}》${duty.locator}`
            : `本单位工作${duty.citation ? `，依据：${duty.citation}` : ''}`,
          duty.path ? new URL(duty.path, site).href : '',
        ]
          .filter(Boolean)
          .join('\n'),
        ...(duty.path ? { url: new URL(duty.path, site).href } : {}),
        start: s.start as string,
        end: s.end as string,
      })),
  );
}
