/**
 * The calendar's page(s): the documents in order, each with every entry its duties make on the year's
 * calendar, cut into pages by CALENDAR_PAGE_BUDGET (src/lib/paginate.ts) between documents. Read once per
 * build by the calendar pages, /calendar/pages.json (which page holds a document) and the document pages.
 */
import { href } from '../components/link';
import { dutyWeight } from '../lib/entryWeight';
import { calendarEntries } from '../lib/obligations/calendarSections';
import { CALENDAR_PAGE_BUDGET, indexPages, paginate, weigh, type Slice } from '../lib/paginate';
import { ALL, CALENDAR_YEAR, hasEvents, matches } from './calendar';
import { byDocument, getDocuments, type PublishedDocument } from './documents';
import { getObligationData, type PublishedObligation } from './obligations';

export interface CalendarGroup {
  section: 'documents';
  key: string;
  document: PublishedDocument;
  duties: PublishedObligation[];
  /** The document's .ics files (`<slug>/<role|all>`), offered by the page's download link. */
  icsFiles: string[];
  head: number;
  weights: number[];
}

export interface CalendarPages {
  pages: Slice<CalendarGroup>[][];
  /** The page (1-based) each document's duties start on, by slug. */
  pageOf: (slug: string) => number;
  /** The .ics files of every document (`all/<role|all>`) that exist. */
  allIcsFiles: string[];
  /** Duties in all, and per role id. */
  totals: { all: number; byRole: Record<string, number> };
}

let cache: Promise<CalendarPages> | undefined;

export function getCalendarPages(): Promise<CalendarPages> {
  cache ??= Promise.all([getObligationData(), getDocuments()]).then(([{ obligations, roles }, documents]) => {
    const dutiesOf = byDocument(obligations, (o) => o.document);
    const dated = obligations.filter(hasEvents);
    const datedOf = byDocument(dated, (o) => o.document);
    const groups = documents.flatMap((document): CalendarGroup[] => {
      const duties = dutiesOf.get(document.slug) ?? [];
      if (duties.length === 0) return [];
      const icsFiles = [ALL, ...roles.map((r) => r.id)]
        .filter((role) => datedOf.get(document.slug)?.some((o) => matches(o, ALL, role)))
        .map((role) => `${document.slug}/${role}`);
      return [
        {
          section: 'documents',
          key: document.slug,
          document,
          duties,
          icsFiles,
          // Its option in the 文件 filter and its files in the download link's list.
          head: weigh(40, document.slug, document.data.title, ...icsFiles.map((file) => `${file} `)),
          weights: duties.map((o) =>
            calendarEntries(o.cadence, CALENDAR_YEAR).reduce(
              (sum, entry) =>
                sum + dutyWeight(o, { href: href(o.path), docTitle: `《${o.docTitle}》`, when: entry.when }),
              0,
            ),
          ),
        },
      ];
    });
    const pages = paginate(groups, CALENDAR_PAGE_BUDGET);
    const index = indexPages(pages);
    return {
      pages,
      pageOf: (slug) => index.groupPage('documents', slug) ?? 1,
      allIcsFiles: [ALL, ...roles.map((r) => r.id)]
        .filter((role) => dated.some((o) => matches(o, ALL, role)))
        .map((role) => `${ALL}/${role}`),
      totals: {
        all: obligations.length,
        byRole: Object.fromEntries(roles.map((r) => [r.id, obligations.filter((o) => o.roles.includes(r.id)).length])),
      },
    };
  });
  return cache;
}
