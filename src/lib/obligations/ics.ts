/**
 * The scheduled obligations as an iCalendar file (RFC 5545), generated with
 * ical-generator: one all-day event per scheduled month (or the month end of a
 * monthly duty), repeating yearly (monthly), with a stable UID and the
 * citation and clause URL in the description. Duties without a stated month
 * (每年至少2次, 年初, 定期, 随时) have no date to put in a calendar and are left
 * out; so are one-off phases whose year the source does not give. Festival and time-node windows
 * (timeNodes.ts) repeat yearly where their date is fixed (国庆) and are written for LUNAR_YEARS years
 * where it follows the lunar calendar (春节前); a node of one year (2022年冬奥会) is one event.
 */
import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventRepeatingFreq } from 'ical-generator';
import type { Cadence } from '../../schemas/obligation';
import { daysInMonth, describeCadence, monthSpans, WINDOW_DAYS } from './schedule';
import { nodeWindows, onceYears } from './timeNodes';

export interface CalendarObligation {
  id: string;
  duty: string;
  printedRole: string;
  quote: string;
  cadence: Cadence;
  docTitle: string;
  locator: string;
  /** Absolute URL of the clause. */
  url: string;
}

export interface CalendarOptions {
  /** The year the recurring events start in. */
  year: number;
  name: string;
  /** Host name used in the UIDs (stable across builds). */
  host: string;
}

const day = (year: number, month: number, date: number) => new Date(Date.UTC(year, month - 1, date));
const isoToDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Festival windows that follow the lunar calendar cannot repeat by RRULE: they are written for this many years. */
export const LUNAR_YEARS = 5;

export interface CalendarEvent {
  key: string;
  start: Date;
  /** The day after the last day (DTEND of an all-day event is exclusive). */
  end: Date;
  freq?: ICalEventRepeatingFreq;
  byMonthDay?: number[];
}

/** The dated events a cadence yields from `year` on, before formatting. */
export function calendarEvents(cadence: Cadence, year: number): CalendarEvent[] {
  const events: CalendarEvent[] = [];
  for (const span of monthSpans(cadence, year)) {
    events.push({
      key: `m${span.month}`,
      start: day(year, span.month, span.firstDay),
      end: day(year, span.month, span.lastDay + 1),
      freq: ICalEventRepeatingFreq.YEARLY,
    });
  }
  if (cadence.period === 'month' && cadence.window) {
    const [first, last] = WINDOW_DAYS[cadence.window](daysInMonth(year, 1));
    const monthEnd = cadence.window === '月底前';
    events.push({
      key: 'monthly',
      start: day(year, 1, first),
      end: day(year, 1, last + 1),
      freq: ICalEventRepeatingFreq.MONTHLY,
      ...(monthEnd ? { byMonthDay: [-1] } : {}),
    });
  }
  if (cadence.period === 'event' && cadence.nodes) {
    const years = new Set([...Array.from({ length: LUNAR_YEARS }, (_, i) => year + i), ...onceYears(cadence.nodes)]);
    for (const nodeYear of years) {
      for (const w of nodeWindows(cadence.nodes, nodeYear)) {
        // A fixed-date window repeats from the first year; the others are written year by year.
        if (w.recurrence === 'yearly' && nodeYear !== year) continue;
        events.push({
          key: w.recurrence === 'yearly' ? w.key : `${w.key}-${nodeYear}`,
          start: isoToDate(w.start),
          end: new Date(isoToDate(w.end).getTime() + 86_400_000),
          ...(w.recurrence === 'yearly' ? { freq: ICalEventRepeatingFreq.YEARLY } : {}),
        });
      }
    }
  }
  return events;
}

const newCalendar = (name: string, host: string) =>
  ical({
    name,
    prodId: { company: host, product: '责任制手册', language: 'ZH' },
    method: ICalCalendarMethod.PUBLISH,
    scale: 'gregorian',
  });

/** RFC 5545 §3.1: every content line ends with CRLF, the last one too (ical-generator leaves it off). */
const serialize = (calendar: ReturnType<typeof ical>) => `${calendar.toString()}\r\n`;

export function buildIcs(obligations: readonly CalendarObligation[], options: CalendarOptions): string {
  const calendar = newCalendar(options.name, options.host);
  // Subscribed calendars are fetched again after this long (X-PUBLISHED-TTL).
  calendar.ttl(60 * 60 * 24);
  for (const o of obligations) {
    for (const event of calendarEvents(o.cadence, options.year)) {
      calendar.createEvent({
        id: `${o.id}-${event.key}@${options.host}`,
        start: event.start,
        end: event.end,
        allDay: true,
        stamp: day(options.year, 1, 1),
        summary: `${o.duty}（${o.printedRole}）`,
        description: `${describeCadence(o.cadence)}\n依据：《${o.docTitle}》${o.locator}：“${o.quote}”\n${o.url}`,
        url: o.url,
        ...(event.freq
          ? { repeating: { freq: event.freq, ...(event.byMonthDay ? { byMonthDay: event.byMonthDay } : {}) } }
          : {}),
      });
    }
  }
  return serialize(calendar);
}

/** One occurrence of a duty on one's own list: an all-day event over its window (days inclusive, YYYY-MM-DD). */
export interface OccurrenceEvent {
  /** Stable across downloads, e.g. the tick key and year. */
  uid: string;
  summary: string;
  description: string;
  url?: string;
  start: string;
  end: string;
}

export interface ReminderOptions {
  name: string;
  host: string;
  /** DTSTAMP of every event. */
  stamp: Date;
  /** A display alarm this many days before the window ends (on its last day at 0); null for none. */
  alarmDays: number | null;
}

const isoDay = (iso: string, plusDays = 0) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + plusDays));
};

/** The self-check's personal calendar: each open occurrence of one's duties, with a reminder before it ends. */
export function buildReminderIcs(events: readonly OccurrenceEvent[], options: ReminderOptions): string {
  const calendar = newCalendar(options.name, options.host);
  for (const e of events) {
    const event = calendar.createEvent({
      id: `${e.uid}@${options.host}`,
      start: isoDay(e.start),
      end: isoDay(e.end, 1),
      allDay: true,
      stamp: options.stamp,
      summary: e.summary,
      description: e.description,
      ...(e.url ? { url: e.url } : {}),
    });
    // Relative to the end (DTEND is the day after the window): N days before the window's last day is over.
    // relatesTo is set by its method: ical-generator 11 leaves it out when given with the alarm's data.
    if (options.alarmDays !== null)
      event
        .createAlarm({
          type: ICalAlarmType.display,
          trigger: options.alarmDays * 86400,
          description: `${e.summary}：期限${options.alarmDays ? `还有 ${options.alarmDays} 天` : '今天'}结束`,
        })
        .relatesTo('END');
  }
  return serialize(calendar);
}
