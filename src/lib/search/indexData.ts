/**
 * The clause-level search index: built once at build time from the document
 * models, shipped as one JSON file and loaded by the browser on first use.
 * Field names are short because every record is repeated ~500 times.
 */
import type { DocBlock } from '../corpus/model';
import type { DocumentKind } from '../../schemas/document';
import { createRoleMatcher, type RoleAliases } from '../roles';
import type { SynonymGroup } from '../../schemas/synonyms';

export const SEARCH_INDEX_VERSION = 1;

/** Block kinds that are search results; gaps and signatures are not. */
export const INDEXED_KINDS = ['heading', 'clause', 'paragraph', 'attribution', 'row'] as const;
export type IndexedKind = (typeof INDEXED_KINDS)[number];

export interface SearchDoc {
  slug: string;
  title: string;
  bodyType: string;
  kind: string;
  /** Ranking weight of the document's kind (see KIND_WEIGHTS). */
  weight: number;
}

/**
 * Rules state the duties; plans schedule them; reports and summaries only
 * describe them. Among equally good matches, the rule ranks first.
 */
export const KIND_WEIGHTS: Record<DocumentKind, number> = {
  实施细则: 1,
  实施办法: 1,
  工作制度: 1,
  风险防控机制: 1,
  实施方案: 0.95,
  工作方案: 0.95,
  工作计划: 0.95,
  整治方案: 0.95,
  情况报告: 0.9,
  工作总结: 0.9,
  研判报告: 0.9,
  学习体会: 0.9,
};

export interface SearchRole {
  id: string;
  name: string;
}

export interface SearchRecord {
  /** Index into `docs`. */
  d: number;
  /** Clause id, the fragment of its URL. */
  id: string;
  k: IndexedKind;
  /** Printed locator, e.g. 一、（三）3. */
  l: string;
  /** Published text. */
  t: string;
  /** Index of the enclosing record (heading or clause), -1 at the top. */
  p: number;
  /** Indexes into `roles` of the roles the text mentions. */
  r: number[];
}

export interface SearchIndexData {
  version: typeof SEARCH_INDEX_VERSION;
  docs: SearchDoc[];
  roles: SearchRole[];
  /** Groups of interchangeable terms. */
  synonyms: SynonymGroup[];
  records: SearchRecord[];
  /** Words of the corpus, for "did you mean" suggestions. */
  vocabulary: string[];
}

/** A published document as the build and the content tests both load it. */
export interface IndexInputDocument {
  slug: string;
  data: { title: string; bodyType: string; kind: DocumentKind };
  model: { blocks: readonly Pick<DocBlock, 'id' | 'kind' | 'locator' | 'text' | 'parentId'>[] };
}

export interface IndexInputRole extends SearchRole, RoleAliases {}

const isIndexed = (kind: string): kind is IndexedKind => (INDEXED_KINDS as readonly string[]).includes(kind);

export function buildSearchIndex(
  documents: readonly IndexInputDocument[],
  roles: readonly IndexInputRole[],
  synonyms: readonly SynonymGroup[],
): SearchIndexData {
  const mentions = createRoleMatcher(roles);
  const roleIndex = new Map(roles.map((role, index) => [role.id, index]));
  const records: SearchRecord[] = [];
  documents.forEach((document, d) => {
    const recordOf = new Map<string, number>();
    for (const block of document.model.blocks) {
      if (!isIndexed(block.kind) || !block.text.trim()) continue;
      recordOf.set(block.id, records.length);
      records.push({
        d,
        id: block.id,
        k: block.kind,
        l: block.locator,
        t: block.text,
        p: block.parentId === null ? -1 : (recordOf.get(block.parentId) ?? -1),
        r: mentions(block.text).map((id) => roleIndex.get(id) as number),
      });
    }
  });
  return {
    version: SEARCH_INDEX_VERSION,
    docs: documents.map(({ slug, data: { title, bodyType, kind } }) => ({
      slug,
      title,
      bodyType,
      kind,
      weight: KIND_WEIGHTS[kind],
    })),
    roles: roles.map(({ id, name }) => ({ id, name })),
    synonyms: synonyms.map((group) => ({ terms: [...group.terms], wholeTerm: group.wholeTerm })),
    records,
    vocabulary: extractVocabulary(
      records.map((record) => record.t),
      [...roles.flatMap((role) => [role.name, ...role.aliases]), ...synonyms.flatMap((group) => group.terms)],
    ),
  };
}

const HAN_WORD = /^\p{Script=Han}{2,8}$/u;
const VOCABULARY_SIZE = 3000;

/** Words (by Intl.Segmenter's Chinese word segmentation) that occur at least twice, most frequent first. */
export function extractVocabulary(texts: readonly string[], always: readonly string[] = []): string[] {
  // eslint-disable-next-line compat/compat -- runs at build time in Node, never in a browser
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const { segment, isWordLike } of segmenter.segment(text)) {
      if (isWordLike && HAN_WORD.test(segment)) counts.set(segment, (counts.get(segment) ?? 0) + 1);
    }
  }
  const frequent = [...counts]
    .filter(([, count]) => count >= 2)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([word]) => word);
  return [...new Set([...always.filter((word) => HAN_WORD.test(word)), ...frequent])].slice(0, VOCABULARY_SIZE);
}
