/**
 * Fidelity of published documents to their sources: the body, read back as the
 * source prints it (errata reversed, editorial additions dropped), must equal
 * the source span in canonical form; every non-blank source line must be
 * published or excluded with a reason.
 */
import { canonicalize, canonicalText } from './canonical';

export interface LineRange {
  file: string;
  from: number;
  to: number;
}

export type SeedLines = ReadonlyMap<string, readonly string[]>;

export interface SpanText {
  text: string;
  /** Source line number of each character of `text`. */
  lines: number[];
}

function inRange(range: LineRange, file: string, line: number) {
  return range.file === file && line >= range.from && line <= range.to;
}

export function spanText(seeds: SeedLines, span: LineRange, excluded: readonly LineRange[]): SpanText {
  const source = seeds.get(span.file);
  if (!source) throw new Error(`来源文件 ${span.file} 不存在`);
  if (span.to > source.length)
    throw new Error(`${span.file} 只有 ${source.length} 行，范围 ${span.from}–${span.to} 越界`);
  let text = '';
  const lines: number[] = [];
  for (let line = span.from; line <= span.to; line += 1) {
    if (excluded.some((range) => inRange(range, span.file, line))) continue;
    const content = `${source[line - 1]}\n`;
    text += content;
    for (let i = 0; i < content.length; i += 1) lines.push(line);
  }
  return { text, lines };
}

export interface FidelityMismatch {
  position: number;
  sourceLine: number | null;
  expected: string;
  actual: string;
}

const EXCERPT = 12;

/** Null when `published` (source-mode text) equals `source` in canonical form. */
export function firstMismatch(published: string, source: SpanText): FidelityMismatch | null {
  const a = canonicalize(published);
  const b = canonicalize(source.text);
  const length = Math.max(a.text.length, b.text.length);
  for (let i = 0; i < length; i += 1) {
    if (a.text[i] !== b.text[i]) {
      const origin = b.origin[Math.min(i, b.origin.length - 1)];
      return {
        position: i,
        sourceLine: origin === undefined ? null : (source.lines[origin] ?? null),
        expected: b.text.slice(Math.max(0, i - EXCERPT), i + EXCERPT),
        actual: a.text.slice(Math.max(0, i - EXCERPT), i + EXCERPT),
      };
    }
  }
  return null;
}

export function describeMismatch(document: string, mismatch: FidelityMismatch): string {
  return (
    `${document}: 正文与来源在规范化后第 ${mismatch.position} 个字符处不一致` +
    (mismatch.sourceLine ? `（来源第 ${mismatch.sourceLine} 行）` : '') +
    `\n  来源：…${mismatch.expected}…\n  正文：…${mismatch.actual}…`
  );
}

/** A duplicate copy must equal the published copy once its declared variants are applied. */
export function duplicateMatches(
  duplicate: string,
  primary: string,
  variants: readonly { original: string; published: string }[],
): boolean {
  let text = canonicalText(duplicate);
  for (const variant of variants)
    text = text.split(canonicalText(variant.original)).join(canonicalText(variant.published));
  return text === canonicalText(primary);
}

export interface UncoveredLine {
  file: string;
  line: number;
  text: string;
}

/** Non-blank source lines that no document span and no exclusion accounts for. */
export function uncoveredLines(seeds: SeedLines, claimed: readonly LineRange[]): UncoveredLine[] {
  const uncovered: UncoveredLine[] = [];
  for (const [file, lines] of seeds) {
    lines.forEach((text, index) => {
      const line = index + 1;
      if (!text.trim()) return;
      if (!claimed.some((range) => inRange(range, file, line))) uncovered.push({ file, line, text });
    });
  }
  return uncovered;
}

/** Pairs of ranges (by label) that claim the same source line. */
export function overlappingRanges(ranges: readonly (LineRange & { label: string })[]): string[] {
  const overlaps: string[] = [];
  ranges.forEach((a, i) => {
    ranges.slice(i + 1).forEach((b) => {
      if (a.file === b.file && a.from <= b.to && b.from <= a.to) {
        overlaps.push(`${a.label} 与 ${b.label} 在 ${a.file} 第 ${Math.max(a.from, b.from)} 行重叠`);
      }
    });
  });
  return overlaps;
}
