/** The .ics files: all scheduled obligations, or those of one document and/or role. */
import { buildIcs, calendarEvents } from '../lib/obligations/ics';
import { withBase } from '../lib/url';
import type { PublishedObligation } from './obligations';

/** "all" stands for no filter in the file names /calendar/<doc>/<role>.ics. */
export const ALL = 'all';

export function matches(o: PublishedObligation, doc: string, role: string): boolean {
  return (doc === ALL || o.document === doc) && (role === ALL || o.roles.includes(role));
}

export const hasEvents = (o: PublishedObligation, year: number) => calendarEvents(o.cadence, year).length > 0;

export function icsResponse(obligations: PublishedObligation[], site: URL | undefined, name: string): Response {
  const root = new URL(withBase(import.meta.env.BASE_URL, ''), site);
  const text = buildIcs(
    obligations.map((o) => ({ ...o, url: new URL(o.path, root).href })),
    { year: new Date().getFullYear(), name, host: root.host },
  );
  return new Response(text, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}
