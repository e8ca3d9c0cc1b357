/**
 * The clause-level search index as one model, built once at build time from
 * the document models: the tests and benchmarks read it directly, and
 * searchFiles.ts turns it into the files the browser fetches.
 * Field names are short because every record is repeated ~500 times.
 */
import type { DocBlock } from '../corpus/model';
import type { DocumentKind } from '../../schemas/document';
import { createRoleMatcher, type RoleAliases } from '../roles';
import type { SynonymGroup } from '../../schemas/synonyms';
import type { RoleAliasGroup } from './layout';

export const SEARCH_INDEX_VERSION = 2;

/** Block kinds that are search results; gaps and signatures are not. */
export const INDEXED_KINDS = ['heading', 'clause', 'paragraph', 'attribution', 'row'] as const;
export type IndexedKind = (typeof INDEXED_KINDS)[number];

export interface SearchDoc {
  slug: string;
  title: string;
  bodyType: string;
  kind: string;
}

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
  /** The record defines a role (a roleDefinitions clause of its document). */
  f?: true;
}

export interface SearchIndexData {
  version: typeof SEARCH_INDEX_VERSION;
  docs: SearchDoc[];
  roles: SearchRole[];
  /** The thesaurus: concepts, each with the documents' wordings of it. */
  synonyms: SynonymGroup[];
  /** Terms one document equates by defining a role. */
  roleAliases: RoleAliasGroup[];
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

/** How a document defines a role: "党委副书记、校长是直接责任人" (the obligations' roleDefinitions). */
export interface IndexInputDefinition {
  document: string;
  clause: string;
  printed: string;
  quote: string;
}

/** The names a printed role form lists: 党委副书记、校长（…） → 党委副书记, 校长. */
const printedNames = (printed: string) =>
  printed
    .replace(/（[^）]*）|\([^)]*\)/g, '')
    .split(/[、，,和及]/)
    .map((name) => name.trim())
    .filter((name) => name.length >= 2);

/**
 * Per document, the terms its role definitions equate: the printed names and every role
 * alias the defining sentence uses (校党委书记, 党委书记, 第一责任人). Identical groups of
 * several documents are stored once.
 */
export function roleAliasGroups(
  definitions: readonly IndexInputDefinition[],
  documents: readonly { slug: string }[],
  roles: readonly RoleAliases[],
): RoleAliasGroup[] {
  const aliases = [...new Set(roles.flatMap((role) => role.aliases))];
  const groups = new Map<string, RoleAliasGroup>();
  for (const definition of definitions) {
    const doc = documents.findIndex((d) => d.slug === definition.document);
    if (doc === -1) continue;
    const terms = [
      ...new Set([...printedNames(definition.printed), ...aliases.filter((alias) => definition.quote.includes(alias))]),
    ].sort();
    if (terms.length < 2) continue;
    const key = terms.join('|');
    const group = groups.get(key);
    if (!group) groups.set(key, { docs: [doc], terms });
    else if (!group.docs.includes(doc)) group.docs.push(doc);
  }
  return [...groups.values()].map((group) => ({ ...group, docs: group.docs.sort((a, b) => a - b) }));
}

const isIndexed = (kind: string): kind is IndexedKind => (INDEXED_KINDS as readonly string[]).includes(kind);

export function buildSearchIndex(
  documents: readonly IndexInputDocument[],
  roles: readonly IndexInputRole[],
  synonyms: readonly SynonymGroup[],
  definitions: readonly IndexInputDefinition[] = [],
): SearchIndexData {
  const mentions = createRoleMatcher(roles);
  const roleIndex = new Map(roles.map((role, index) => [role.id, index]));
  const records: SearchRecord[] = [];
  const defining = new Set(definitions.map((definition) => `${definition.document}#${definition.clause}`));
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
        ...(defining.has(`${document.slug}#${block.id}`) ? { f: true as const } : {}),
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
    })),
    roles: roles.map(({ id, name }) => ({ id, name })),
    synonyms: synonyms.map((group) => ({ terms: [...group.terms], wholeTerm: group.wholeTerm })),
    roleAliases: roleAliasGroups(definitions, documents, roles),
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
