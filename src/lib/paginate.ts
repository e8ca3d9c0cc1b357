/**
 * Long lists cut into pages by a budget of content: the bytes of HTML their
 * entries will take, estimated from the text they print, so a page stays small
 * however large the corpus grows, and a small list stays on one page.
 */

/** Every page stays under 150 KiB of gzipped HTML. Raw bytes bound that whatever the text compresses to. */
export const PAGE_BYTES = 150 * 1024;
/** What a page may spend on the site's header and footer, its own heading, totals, filters and page links. */
export const PAGE_CHROME_BYTES = 30 * 1024;
/** A role page is read down, document by document: a long page's worth of entries (some 15,000 characters). */
export const ROLE_PAGE_BUDGET = 64 * 1024;
/** The calendar is read a month at a time across documents, so a cut costs more: all that a page may hold. */
export const CALENDAR_PAGE_BUDGET = PAGE_BYTES - PAGE_CHROME_BYTES;

const encoder = new TextEncoder();

/** The bytes an entry takes in HTML: its texts and attribute values in UTF-8, plus `markup` for its tags. */
export function weigh(markup: number, ...texts: readonly (string | undefined)[]): number {
  return texts.reduce((sum, text) => sum + (text ? encoder.encode(text).length : 0), markup);
}

/**
 * A run of entries under one heading (one document's duties): what the heading and each entry weigh.
 * Consecutive groups of the same `section` (a role's duties, then its mentions) are kept together too.
 */
export interface WeighedGroup {
  head: number;
  weights: readonly number[];
  section?: string;
}

/** Entries `from` to `to` (exclusive) of a group, on one page; `from > 0` where the group began on an earlier page. */
export interface Slice<G> {
  group: G;
  from: number;
  to: number;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Fills pages in order, each up to `budget`. A section, and a group, that fits on a page of its own is
 * never cut: it starts a new page when the current one has no room for it. A larger one fills the page
 * it starts on and goes on over as many pages as it needs, a group's heading repeated. An entry larger
 * than the budget gets a page to itself. Empty groups are left out; with nothing at all there is one
 * empty page.
 */
export function paginate<G extends WeighedGroup>(groups: readonly G[], budget: number): Slice<G>[][] {
  const pages: Slice<G>[][] = [];
  let page: Slice<G>[] = [];
  let used = 0;
  const turn = () => {
    if (page.length === 0) return;
    pages.push(page);
    page = [];
    used = 0;
  };
  const weight = (group: G) => (group.weights.length > 0 ? group.head + sum(group.weights) : 0);
  groups.forEach((group, i) => {
    if (group.section !== undefined && groups[i - 1]?.section !== group.section) {
      const end = groups.findIndex((g, j) => j > i && g.section !== group.section);
      const section = sum(groups.slice(i, end === -1 ? undefined : end).map(weight));
      if (used + section > budget && section <= budget) turn();
    }
    const { head, weights } = group;
    if (weights.length === 0) return;
    const whole = weight(group);
    if (used + whole > budget && whole <= budget) turn();
    let from = 0;
    while (from < weights.length) {
      let to = from;
      let taken = head;
      while (to < weights.length) {
        const next = taken + (weights[to] ?? 0);
        if (used + next > budget && !(page.length === 0 && to === from)) break;
        taken = next;
        to += 1;
      }
      if (to === from) {
        turn();
        continue;
      }
      page.push({ group, from, to });
      used += taken;
      from = to;
      if (from < weights.length) turn();
    }
  });
  turn();
  return pages.length > 0 ? pages : [[]];
}

/**
 * The page numbers a page's navigation shows: the first and last, the current one with `around` on
 * each side, and `null` for each gap. Runs shorter than a gap's saving are shown whole.
 */
export function pageWindow(current: number, total: number, around = 2): (number | null)[] {
  const shown = new Set([1, total]);
  for (let n = current - around; n <= current + around; n += 1) if (n >= 1 && n <= total) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const result: (number | null)[] = [];
  let last = 0;
  for (const n of sorted) {
    if (n - last === 2) result.push(n - 1);
    else if (n - last > 2) result.push(null);
    result.push(n);
    last = n;
  }
  return result;
}

/** A group of a list in sections (a role's duties, definitions and mentions), `key` naming it in its section. */
export interface SectionGroup extends WeighedGroup {
  section: string;
  key: string;
}

/** Where things are in a paginated list: pages are numbered from 1, entries in each section from 1. */
export interface PageIndex {
  /** The page a section starts on. */
  sectionPage: Map<string, number>;
  /** The page a group starts on, by section and key. */
  groupPage: (section: string, key: string) => number | undefined;
  /** Per page, the first and last entry number of each section on it. */
  ranges: Map<string, [first: number, last: number]>[];
}

export function indexPages<G extends SectionGroup>(pages: readonly (readonly Slice<G>[])[]): PageIndex {
  const sectionPage = new Map<string, number>();
  const groupPages = new Map<string, number>();
  const counted = new Map<string, number>();
  const ranges = pages.map((page, i) => {
    const here = new Map<string, [number, number]>();
    for (const { group, from, to } of page) {
      const before = counted.get(group.section) ?? 0;
      if (!sectionPage.has(group.section)) sectionPage.set(group.section, i + 1);
      if (from === 0) groupPages.set(`${group.section}\n${group.key}`, i + 1);
      here.set(group.section, [here.get(group.section)?.[0] ?? before + 1, before + to - from]);
      counted.set(group.section, before + to - from);
    }
    return here;
  });
  return { sectionPage, groupPage: (section, key) => groupPages.get(`${section}\n${key}`), ranges };
}
