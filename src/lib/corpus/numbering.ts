/**
 * Printed clause numbering (一、 （一） 1. 第九条 …) and the anchor ids derived
 * from it. Ids are ASCII so that shared links stay readable:
 * 第二章 → c2, 第九条 → a9, 一、 → s1, （三） under s1 → s1-3, 2. under s1-3 → s1-3-2,
 * 附2 → f2, an unnumbered paragraph → <parent>-p1, a table row → <table>-1.
 */
const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

export function chineseNumeral(text: string): number | null {
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(text)) return null;
  let total = 0;
  let current = 0;
  for (const char of text) {
    if (char === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (char === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else {
      current = DIGITS[char] ?? 0;
    }
  }
  return total + current;
}

export type MarkerKind = 'chapter' | 'article' | 'section' | 'sub' | 'item' | 'attachment';

export interface Marker {
  kind: MarkerKind;
  value: number;
}

const CN = '[零〇一二两三四五六七八九十百]+';
const PATTERNS: [MarkerKind, RegExp, (m: RegExpMatchArray) => number | null][] = [
  ['chapter', new RegExp(`^第(${CN})章$`), (m) => chineseNumeral(m[1]!)],
  ['article', new RegExp(`^第(${CN})条$`), (m) => chineseNumeral(m[1]!)],
  ['section', new RegExp(`^(${CN})、$`), (m) => chineseNumeral(m[1]!)],
  ['section', new RegExp(`^〔(${CN})〕$`), (m) => chineseNumeral(m[1]!)],
  ['sub', new RegExp(`^[（(](${CN})[）)]$`), (m) => chineseNumeral(m[1]!)],
  ['sub', new RegExp(`^(${CN})是$`), (m) => chineseNumeral(m[1]!)],
  ['item', /^(\d+)[.、)）．]$/, (m) => Number(m[1])],
  ['item', /^[（(](\d+)[）)]$/, (m) => Number(m[1])],
  ['attachment', /^附(\d+)$/, (m) => Number(m[1])],
];

export function parseMarker(printed: string): Marker | null {
  const text = printed.trim();
  for (const [kind, pattern, value] of PATTERNS) {
    const match = text.match(pattern);
    if (match) {
      const number = value(match);
      return number === null || number < 1 ? null : { kind, value: number };
    }
  }
  return null;
}

/** The id a numbered block must carry, given its parent's id (null at top level). */
export function numberedId(parentId: string | null, marker: Marker): string {
  switch (marker.kind) {
    case 'chapter':
      return `c${marker.value}`;
    case 'article':
      return `a${marker.value}`;
    case 'attachment':
      return `f${marker.value}`;
    case 'section':
      return parentId ? `${parentId}-${marker.value}` : `s${marker.value}`;
    default:
      return parentId ? `${parentId}-${marker.value}` : `i${marker.value}`;
  }
}

export function paragraphId(parentId: string | null, position: number): string {
  return parentId ? `${parentId}-p${position}` : `p${position}`;
}

export function rowId(tableParentId: string, position: number): string {
  return `${tableParentId}-${position}`;
}

export function attributionId(clauseId: string): string {
  return `${clauseId}-dept`;
}

/**
 * The locator as printed, e.g. ['一、', '（一）', '3.'] → 一、（一）3. A 一是/二是
 * marker has no closing mark of its own, so what follows it is set off with
 * ·, as in 二、一是·三是.
 */
export function formatLocator(parts: readonly string[]): string {
  return parts
    .map((part) => {
      const trimmed = part.trim().replace(/\(/g, '（').replace(/\)/g, '）');
      if (/^\d+[.、．]$/.test(trimmed)) return trimmed.slice(0, -1);
      return trimmed.replace(/^(\d+)）$/, '（$1）');
    })
    .map((part, i, all) => (i < all.length - 1 && part.endsWith('是') ? `${part}·` : part))
    .join('');
}
