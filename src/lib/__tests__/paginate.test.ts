import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CALENDAR_PAGE_BUDGET,
  indexPages,
  PAGE_BYTES,
  PAGE_CHROME_BYTES,
  pageWindow,
  paginate,
  ROLE_PAGE_BUDGET,
  weigh,
  type Slice,
  type WeighedGroup,
} from '../paginate';

interface Group extends WeighedGroup {
  name: string;
}

const group = (name: string, head: number, ...weights: number[]): Group => ({ name, head, weights });
/** A page as "group:from-to" pieces. */
const show = (pages: Slice<Group>[][]) => pages.map((page) => page.map((s) => `${s.group.name}:${s.from}-${s.to}`));
const pageWeight = (page: Slice<Group>[]) =>
  page.reduce((n, s) => n + s.group.head + s.group.weights.slice(s.from, s.to).reduce((a, b) => a + b, 0), 0);

const groups = fc.array(
  fc.record({
    name: fc.string(),
    head: fc.integer({ min: 0, max: 50 }),
    weights: fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 30 }),
  }),
  { maxLength: 40 },
);

describe('the budgets', () => {
  it('leave room for a page’s chrome under the 150 KiB a page may take', () => {
    for (const budget of [ROLE_PAGE_BUDGET, CALENDAR_PAGE_BUDGET])
      expect(budget + PAGE_CHROME_BYTES).toBeLessThanOrEqual(PAGE_BYTES);
  });
});

describe('paginate', () => {
  it('keeps a list that fits on one page', () => {
    expect(show(paginate([group('a', 10, 20, 30), group('b', 10, 5)], 100))).toEqual([['a:0-2', 'b:0-1']]);
  });

  it('gives one empty page for nothing, and leaves out empty groups', () => {
    expect(paginate([], 100)).toEqual([[]]);
    expect(show(paginate([group('a', 10), group('b', 10, 5)], 100))).toEqual([['b:0-1']]);
  });

  it('moves a group that would not fit whole onto the next page rather than cutting it', () => {
    expect(show(paginate([group('a', 10, 50), group('b', 10, 20, 20), group('c', 10, 30)], 100))).toEqual([
      ['a:0-1'],
      ['b:0-2', 'c:0-1'],
    ]);
  });

  it('cuts a group larger than a page, filling the page it starts on, its heading counted again on each page', () => {
    expect(show(paginate([group('a', 10, 50), group('b', 10, 30, 30, 30, 30, 30)], 100))).toEqual([
      ['a:0-1', 'b:0-1'],
      ['b:1-4'],
      ['b:4-5'],
    ]);
  });

  it('starts a section that fits on a page of its own on a new page rather than cutting it', () => {
    const sections = [
      { name: 'a', section: 'duties', head: 10, weights: [30] },
      { name: 'b', section: 'mentions', head: 10, weights: [10] },
      { name: 'c', section: 'mentions', head: 10, weights: [40] },
      { name: 'd', section: 'mentions', head: 0, weights: [] },
    ];
    expect(show(paginate(sections, 100))).toEqual([['a:0-1'], ['b:0-1', 'c:0-1']]);
    // A section larger than a page fills the page it starts on.
    expect(show(paginate([...sections, { name: 'e', section: 'mentions', head: 10, weights: [40] }], 100))).toEqual([
      ['a:0-1', 'b:0-1'],
      ['c:0-1', 'e:0-1'],
    ]);
  });

  it('gives an entry larger than the budget a page to itself', () => {
    expect(show(paginate([group('a', 10, 20), group('b', 10, 500), group('c', 10, 20)], 100))).toEqual([
      ['a:0-1'],
      ['b:0-1'],
      ['c:0-1'],
    ]);
  });

  it('puts every entry on exactly one page, in order, and no page over the budget unless it is one oversized entry', () => {
    fc.assert(
      fc.property(groups, fc.integer({ min: 100, max: 2000 }), (input, budget) => {
        const pages = paginate(input, budget);
        const entries = pages
          .flat()
          .flatMap((s) => Array.from({ length: s.to - s.from }, (_, i) => [input.indexOf(s.group), s.from + i]));
        const expected = input.flatMap((g, gi) => g.weights.map((_, i) => [gi, i]));
        expect(entries).toEqual(expected);
        for (const page of pages.filter((p) => p.length > 0)) {
          const single = page.length === 1 && page[0] && page[0].to - page[0].from === 1;
          if (!single) expect(pageWeight(page)).toBeLessThanOrEqual(budget);
        }
        // A group that fits on a page is never cut, and no page is empty (but the one for nothing).
        const fits = (g: WeighedGroup) =>
          g.weights.length > 0 && g.head + g.weights.reduce((a, b) => a + b, 0) <= budget;
        for (const g of input.filter(fits)) expect(pages.flat().filter((s) => s.group === g)).toHaveLength(1);
        if (expected.length > 0) for (const page of pages) expect(page.length).toBeGreaterThan(0);
      }),
    );
  });

  it('keeps pages within the budget as the list grows a hundredfold, in as many pages as the weight needs', () => {
    const one = [group('a', 120, ...Array(67).fill(540)), group('b', 120, ...Array(134).fill(340))];
    const budget = 48 * 1024;
    const hundred = Array.from({ length: 100 }, () => one).flat();
    const pages = paginate(hundred, budget);
    for (const page of pages) expect(pageWeight(page)).toBeLessThanOrEqual(budget);
    const total = hundred.reduce((n, g) => n + g.head + g.weights.reduce((a, b) => a + b, 0), 0);
    expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(total / budget));
    // Moving groups whole wastes at most the room a group could have taken: under twice the minimum.
    expect(pages.length).toBeLessThan((2 * total) / budget);
  });
});

describe('indexPages', () => {
  it('says where each section and group starts and which entries of each section a page holds', () => {
    const sections = [
      { section: 'duties', key: 'a', head: 10, weights: [40, 40] },
      { section: 'duties', key: 'b', head: 10, weights: [30] },
      { section: 'mentions', key: 'a', head: 10, weights: [30, 30, 30, 30] },
    ];
    const pages = paginate(sections, 100);
    const index = indexPages(pages);
    expect(pages.map((page) => page.map((s) => `${s.group.section}/${s.group.key}:${s.from}-${s.to}`))).toEqual([
      ['duties/a:0-2'],
      ['duties/b:0-1', 'mentions/a:0-1'],
      ['mentions/a:1-4'],
    ]);
    expect([...index.sectionPage]).toEqual([
      ['duties', 1],
      ['mentions', 2],
    ]);
    expect(index.groupPage('duties', 'b')).toBe(2);
    expect(index.groupPage('mentions', 'a')).toBe(2);
    expect(index.groupPage('mentions', 'b')).toBeUndefined();
    expect(index.ranges.map((page) => Object.fromEntries(page))).toEqual([
      { duties: [1, 2] },
      { duties: [3, 3], mentions: [1, 1] },
      { mentions: [2, 4] },
    ]);
  });
});

describe('weigh', () => {
  it('counts UTF-8 bytes of the texts and the markup', () => {
    expect(weigh(10, 'ab', '党委', undefined)).toBe(10 + 2 + 6);
  });
});

describe('pageWindow', () => {
  it('shows every page of a short list', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('shows the ends and the pages around the current one, with gaps', () => {
    expect(pageWindow(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
    expect(pageWindow(1, 20)).toEqual([1, 2, 3, null, 20]);
    expect(pageWindow(20, 20)).toEqual([1, null, 18, 19, 20]);
    // A gap of one page shows the page instead.
    expect(pageWindow(5, 20)).toEqual([1, 2, 3, 4, 5, 6, 7, null, 20]);
  });
});
