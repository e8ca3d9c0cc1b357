/** The .ics files: all scheduled obligations, or those of one document and/or role. */
import { buildIcs, calendarEvents } from '../lib/obligations/ics';
import { icsProblems } from '../lib/obligations/rfc5545';
import { withBase } from '../lib/url';
import type { PublishedObligation } from './obligations';

/** "all" stands for no filter in the file names /calendar/<doc>/<role>.ics. */
export const ALL = 'all';

/** The year the calendar page shows and the .ics files start in: the year of the build. */
export const CALENDAR_YEAR = new Date().getFullYear();

export function matches(o: PublishedObligation, doc: string, role: string): boolean {
  return (doc === ALL || o.document === doc) && (role === ALL || o.roles.includes(role));
}

export const hasEvents = (o: PublishedObligation) => calendarEvents(o.cadence, CALENDAR_YEAR).length > 0;

export function icsResponse(obligations: PublishedObligation[], site: URL | undefined, name: string): Response {
  const root = new URL(withBase(import.meta.env.BASE_URL, ''), site);
  const text = buildIcs(
    obligations.map((o) => ({ ...o, url: new URL(o.path, root).href })),
    { year: CALENDAR_YEAR, name, host: root.host },
  );
  const problems = icsProblems(new TextEncoder().encode(text));
  if (problems.length) throw new Error(`日历文件「${name}」不符合 RFC 5545：\n${problems.join('\n')}`);
  return new Response(text, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}
