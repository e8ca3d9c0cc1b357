/**
 * Turns what a user typed into search words. Input is only ever text: fuse.js
 * operators (' ! ^ = |), HTML and emoji fold to separators; a long paste is
 * cut to the first MAX_TERMS words of at most MAX_TERM_LENGTH characters each.
 * Each word carries its alternatives: the word itself, the wordings of its
 * concept in the thesaurus, and in a document that defines a role the terms it
 * equates (校长 ↔ 直接责任人 where "党委副书记、校长是直接责任人").
 */
import type { SynonymGroup } from '../../schemas/synonyms';
import { SEPARATOR, foldText } from './fold';
import type { RoleAliasGroup } from './layout';

export const MAX_INPUT_LENGTH = 200;
export const MAX_TERMS = 6;
export const MAX_TERM_LENGTH = 32;
const MAX_ALTERNATIVES = 12;

/** What the user typed, a wording of its concept, a role as a document defines it, a homophone of a word found nowhere. */
export type AlternativeSource = 'typed' | 'thesaurus' | 'role' | 'typo';

export interface Alternative {
  /** Folded text to look for. */
  text: string;
  source: AlternativeSource;
  /** Only in these documents (a role as one document defines it). */
  docs?: readonly number[];
}

export interface QueryTerm {
  text: string;
  alternatives: Alternative[];
  /**
   * For a concept found inside a long word (a question, a pasted sentence): that word's index. The
   * concept adds to the score of a clause that matches the long word, which need not have it.
   */
  within?: number;
  /**
   * A phrase, not a term: a question (whatever its length) or a word longer than MAX_TERM_WORD, searched
   * as a bag of bigrams and for the concepts inside it; a clause need hold only part of it.
   */
  phrase: boolean;
}

export interface ParsedQuery {
  terms: QueryTerm[];
  /** True when part of the input was left out (too long, too many terms). */
  truncated: boolean;
}

export interface Expansions {
  thesaurus: readonly SynonymGroup[];
  roleAliases: readonly RoleAliasGroup[];
}

const foldTerm = (term: string) => foldText(term).split(SEPARATOR).join('');

export function foldExpansions(thesaurus: readonly SynonymGroup[], roleAliases: readonly RoleAliasGroup[] = []) {
  return {
    thesaurus: thesaurus.map((group) => ({ ...group, terms: [...new Set(group.terms.map(foldTerm))] })),
    roleAliases: roleAliases.map((group) => ({ ...group, terms: [...new Set(group.terms.map(foldTerm))] })),
  };
}

function alternativesOf(term: string, expansions: Expansions): Alternative[] {
  const alternatives: Alternative[] = [{ text: term, source: 'typed' }];
  /** Each wording once: a role term several documents define is one alternative for all of them. */
  const byText = new Map<string, Alternative>([[term, alternatives[0] as Alternative]]);
  const expand = (terms: readonly string[], whole: boolean, source: AlternativeSource, docs?: readonly number[]) => {
    const inside = terms.filter((member) => member && (whole ? term === member : term.includes(member)));
    for (const member of inside) {
      // Of members inside one another (计划 in 工作计划), the longest stands for the concept.
      if (inside.some((other) => other !== member && other.includes(member))) continue;
      for (const other of terms) {
        if (other === member) continue;
        const text = term.split(member).join(other);
        if (text.length > MAX_TERM_LENGTH) continue;
        const known = byText.get(text);
        if (known) {
          // Everywhere already (typed, a thesaurus wording) or in more documents now.
          if (known.docs && docs) known.docs = [...new Set([...known.docs, ...docs])].sort((a, b) => a - b);
          else if (known.docs) delete known.docs;
          continue;
        }
        const alternative: Alternative = docs ? { text, source, docs: [...docs] } : { text, source };
        byText.set(text, alternative);
        alternatives.push(alternative);
      }
    }
  };
  for (const group of expansions.thesaurus) expand(group.terms, group.wholeTerm, 'thesaurus');
  for (const group of expansions.roleAliases) expand(group.terms, false, 'role', group.docs);
  return alternatives.slice(0, MAX_ALTERNATIVES);
}

const NO_EXPANSIONS: Expansions = { thesaurus: [], roleAliases: [] };
/** Longer words are phrases or questions, searched as a bag of bigrams and for the concepts inside them. */
export const MAX_TERM_WORD = 6;

/** The thesaurus and role terms inside a long word, longest first, not overlapping. */
function conceptsIn(word: string, expansions: Expansions): string[] {
  const members = [
    ...expansions.thesaurus.flatMap((group) => (group.wholeTerm ? [] : group.terms)),
    ...expansions.roleAliases.flatMap((group) => group.terms),
  ]
    .filter((member) => member.length >= 2 && member.length < word.length)
    .sort((a, b) => b.length - a.length);
  const taken = new Uint8Array(word.length);
  const found: string[] = [];
  for (const member of members) {
    for (let at = word.indexOf(member); at !== -1; at = word.indexOf(member, at + 1)) {
      if (taken.subarray(at, at + member.length).some(Boolean)) continue;
      taken.fill(1, at, at + member.length);
      if (!found.includes(member)) found.push(member);
    }
  }
  return found;
}

/** Words that only make a sentence a question: no clause is about them. */
const ASKING_WORDS =
  '怎么办|怎么样|怎么|怎样|如何|什么时候|什么|哪些|哪个|哪里|何时|多久|多少|几次|几个|几|谁来|谁|要不要|是不是|是否|有没有|能不能|可不可以|吗|呢|吧|啊';
const ASKING = new RegExp(ASKING_WORDS, 'g');
/** … and the particles that stand between the words of a question too (出了问题, 追究谁的责任). */
const QUESTION_WORDS = new RegExp(`${ASKING_WORDS}|了|的`, 'g');
/** The documents' own 谁…谁… sayings (谁主管谁负责, 谁邀请谁负责), which a pasted clause keeps. */
const WHO_SAYING = /谁[^谁]{1,3}谁[^谁，、]{1,3}/g;

/** A half of a 谁…谁… saying (谁分管 谁负责) when typed apart: not a question. */
const SAYING_HALF = /^谁[^谁]{1,3}$/;
const sayingHalves = (words: readonly string[]) =>
  words.map(
    (word, i) =>
      SAYING_HALF.test(word) && (SAYING_HALF.test(words[i - 1] ?? '') || SAYING_HALF.test(words[i + 1] ?? '')),
  );

/** A question without its question words (学校公众号发文章要谁审批 → 学校公众号发文章要审批). */
export function withoutAsking(word: string): string {
  let bare = '';
  let from = 0;
  for (const saying of word.matchAll(WHO_SAYING)) {
    bare += word.slice(from, saying.index).replace(ASKING, '') + saying[0];
    from = saying.index + saying[0].length;
  }
  return bare + word.slice(from).replace(ASKING, '');
}

/** The concepts of a long word, also where question words stood between a concept's parts (出了问题 → 出问题). */
function conceptsOfQuestion(word: string, expansions: Expansions): string[] {
  const bare = word.replace(QUESTION_WORDS, '');
  return [...new Set([...conceptsIn(word, expansions), ...(bare === word ? [] : conceptsIn(bare, expansions))])];
}

/**
 * A word found nowhere as typed, cut into the words it joins (老师上课 → 老师 上课, 社团出事 → 社团 出事):
 * at the edges of the thesaurus and role terms inside it, and between two characters the corpus never has
 * side by side (`occurs`), never inside such a term. Parts of one character are left out; with fewer than
 * two parts the word stays whole.
 */
export function splitCompound(word: string, occurs: (bigram: string) => boolean, expansions: Expansions): string[] {
  const cut = new Uint8Array(word.length + 1);
  const inside = new Uint8Array(word.length + 1);
  for (const member of conceptsIn(word, expansions)) {
    for (let at = word.indexOf(member); at !== -1; at = word.indexOf(member, at + 1)) {
      inside.fill(1, at + 1, at + member.length);
    }
  }
  for (let at = 1; at < word.length; at += 1) {
    if (!inside[at] && !occurs(word.slice(at - 1, at + 1))) cut[at] = 1;
  }
  const parts: string[] = [];
  let start = 0;
  for (let at = 1; at <= word.length; at += 1) {
    if (at < word.length && !cut[at]) continue;
    if (at - start >= 2) parts.push(word.slice(start, at));
    start = at;
  }
  return parts.length >= 2 ? parts : [];
}

/** A query word with its alternatives. */
export const queryTerm = (text: string, expansions: Expansions): QueryTerm => ({
  text,
  alternatives: alternativesOf(text, expansions),
  phrase: text.length > MAX_TERM_WORD,
});

export function parseQuery(raw: string, expansions: Expansions = NO_EXPANSIONS): ParsedQuery {
  const input = raw.slice(0, MAX_INPUT_LENGTH);
  let truncated = input.length < raw.length;
  const words = foldText(input)
    .split(SEPARATOR)
    .filter((word) => word.length > 0);
  const unique = [...new Set(words)];
  const halves = sayingHalves(unique);
  if (unique.length > MAX_TERMS) truncated = true;
  const terms: QueryTerm[] = unique.slice(0, MAX_TERMS).map((word, i) => {
    if (word.length > MAX_TERM_LENGTH) truncated = true;
    const cut = word.slice(0, MAX_TERM_LENGTH);
    const asked = cut.length > 2 && !halves[i] ? withoutAsking(cut) : cut;
    const question = asked !== cut && asked.length >= 2;
    const text = question ? asked : cut;
    return { text, alternatives: alternativesOf(text, expansions), phrase: question || text.length > MAX_TERM_WORD };
  });
  const typed = terms.length;
  const seen = new Set(unique);
  for (let within = 0; within < typed; within += 1) {
    const { text, phrase } = terms[within] as QueryTerm;
    if (!phrase) continue;
    for (const concept of conceptsOfQuestion(text, expansions)) {
      if (seen.has(concept)) continue;
      seen.add(concept);
      terms.push({ ...queryTerm(concept, expansions), within });
    }
  }
  return { terms, truncated };
}
