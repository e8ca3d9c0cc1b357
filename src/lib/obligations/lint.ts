/**
 * The completeness lint: the words that make a clause a candidate duty (a frequency, a time of year,
 * a date or month, a festival or time node, an annual inspection or approval, or the 定期/随时 of an
 * unscheduled one). The vocabulary is data (content/obligations-words.yaml); every clause containing
 * one of its words must be cited by an obligation or listed as deliberately not one.
 */
import type { CadenceVocabulary } from '../../schemas/obligation';

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One regular expression: the patterns in file order, then the words, longest first (学年度 before 年度). */
export function vocabularyPattern(vocabulary: CadenceVocabulary): RegExp {
  const patterns = vocabulary.flatMap((entry) => entry.patterns.map((p) => p.pattern));
  const words = vocabulary.flatMap((entry) => entry.words).sort((a, b) => b.length - a.length);
  const alternatives = [...patterns.map((p) => `(?:${p})`), ...words.map(escape)];
  // An empty vocabulary matches nothing (an empty alternation would match everywhere).
  return new RegExp(alternatives.length ? alternatives.join('|') : '(?!)', 'g');
}

/** The distinct vocabulary words in a text, in order of appearance. */
export function cadenceWords(text: string, pattern: RegExp): string[] {
  return [...new Set(text.match(pattern) ?? [])];
}

/** Block kinds the lint reads: headings only summarise, signatures only date the document. */
export const LINTED_KINDS = new Set(['clause', 'paragraph', 'row', 'attribution']);
