/**
 * Turns what a user typed into search terms. Input is only ever text: fuse.js
 * operators (' ! ^ = |), HTML and emoji fold to separators; a long paste is
 * cut to the first MAX_TERMS terms of at most MAX_TERM_LENGTH characters each
 * (fuse.js splits longer patterns into pieces that match independently).
 */
import type { SynonymGroup } from '../../schemas/synonyms';
import { SEPARATOR, foldText } from './fold';

export const MAX_INPUT_LENGTH = 200;
export const MAX_TERMS = 6;
export const MAX_TERM_LENGTH = 32;
const MAX_ALTERNATIVES = 8;
export const SYNONYM_WEIGHT = 0.9;

export interface Alternative {
  /** Folded text to look for. */
  text: string;
  /** 1 for what was typed, less for a synonym. */
  weight: number;
}

export interface QueryTerm {
  text: string;
  alternatives: Alternative[];
}

export interface ParsedQuery {
  terms: QueryTerm[];
  /** True when part of the input was left out (too long, too many terms). */
  truncated: boolean;
}

export function foldSynonyms(groups: readonly SynonymGroup[]): SynonymGroup[] {
  return groups.map((group) => ({
    ...group,
    terms: [...new Set(group.terms.map((term) => foldText(term).replaceAll(SEPARATOR, '')))],
  }));
}

function alternativesOf(term: string, synonyms: readonly SynonymGroup[]): Alternative[] {
  const alternatives: Alternative[] = [{ text: term, weight: 1 }];
  const seen = new Set([term]);
  for (const group of synonyms) {
    for (const member of group.terms) {
      if (!member || !(group.wholeTerm ? term === member : term.includes(member))) continue;
      for (const other of group.terms) {
        if (other === member) continue;
        const text = term.replaceAll(member, other);
        if (seen.has(text) || text.length > MAX_TERM_LENGTH) continue;
        seen.add(text);
        alternatives.push({ text, weight: SYNONYM_WEIGHT });
      }
    }
  }
  return alternatives.slice(0, MAX_ALTERNATIVES);
}

export function parseQuery(raw: string, synonyms: readonly SynonymGroup[] = []): ParsedQuery {
  const input = raw.slice(0, MAX_INPUT_LENGTH);
  let truncated = input.length < raw.length;
  const words = foldText(input)
    .split(SEPARATOR)
    .filter((word) => word.length > 0);
  const unique = [...new Set(words)];
  if (unique.length > MAX_TERMS) truncated = true;
  const terms = unique.slice(0, MAX_TERMS).map((word) => {
    if (word.length > MAX_TERM_LENGTH) truncated = true;
    const text = word.slice(0, MAX_TERM_LENGTH);
    return { text, alternatives: alternativesOf(text, synonyms) };
  });
  return { terms, truncated };
}
