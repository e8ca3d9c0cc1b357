/**
 * What one entry of the role pages and the calendar weighs in HTML, for paginate.ts: the texts and
 * attribute values it prints plus its tags, counted with room to spare from the markup of
 * DutyList.astro and the role page. test/scale builds a larger corpus and weighs its pages, so an
 * estimate that falls short of the markup fails there.
 */
import { weigh } from './paginate';

export interface DutyEntry {
  id: string;
  document: string;
  roles: readonly string[];
  duty: string;
  cadenceText: string;
  printedRole: string;
  locator: string;
}

/** What a duty list shows besides the duty: its link, and the quote, document title or date where shown. */
export interface DutyShown {
  href: string;
  quote?: string | undefined;
  docTitle?: string | undefined;
  when?: string | undefined;
}

/** A DutyList item: <li> with its data attributes and id, the duty, cadence, date, printed role and citation. */
export const dutyWeight = (d: DutyEntry, shown: DutyShown) =>
  weigh(
    240,
    d.id,
    d.id,
    d.document,
    d.roles.join(' '),
    d.duty,
    d.cadenceText,
    d.printedRole,
    shown.href,
    d.locator,
    shown.quote,
    shown.docTitle,
    shown.when,
  );

/** A clause naming a role: its locator linked, and a window of its text with each printed form marked. */
export const mentionWeight = (
  m: { locator: string; snippet: { pieces: readonly { text: string; mark: boolean }[] } },
  href: string,
) =>
  weigh(
    60 + 16 * m.snippet.pieces.filter((piece) => piece.mark).length,
    m.locator,
    href,
    ...m.snippet.pieces.map((piece) => piece.text),
  );

/** How a document defines a role: the printed form, the quote and its citation. */
export const definitionWeight = (
  d: { printed: string; quote: string; docTitle: string; locator: string },
  href: string,
) => weigh(110, d.printed, d.quote, d.docTitle, d.locator, href);

/** A document's heading over its entries: a <section> with its id, the title linked (and 续 on a later page). */
export const headingWeight = (id: string, title: string, href: string) => weigh(140, id, id, title, href);
