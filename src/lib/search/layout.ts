/**
 * The layout of the search files (built by searchFiles.ts, read by store.ts):
 *
 *   manifest.json     counts, shard boundaries, per document its record count and
 *                     body type, the roles, the thesaurus, the role definitions
 *   p/<n>.bin         postings of the keys whose hash falls in shard n (postings.ts)
 *   t/<n>.json        records n·chunkSize … (n+1)·chunkSize − 1: id, kind,
 *                     locator, text, heading path, and their documents
 *   typos.json        homophones and the corpus's bigrams, loaded for a word found nowhere
 *   vocabulary.json   corpus words for "did you mean", loaded when nothing matches
 *   all.bin           all of the above but the manifest in one file, for an index small
 *                     enough to load whole (manifest.bundle names it), loaded after the
 *                     first answer, which needs only the manifest, its shards and chunks
 */
import type { SynonymGroup } from '../../schemas/synonyms';
import type { SearchRole } from './indexData';

export const SEARCH_FILES_FORMAT = 2;
/** Where the files are published, under the site's base. */
export const SEARCH_FILES_DIR = 'search-index';
export const MANIFEST_FILE = 'manifest.json';
export const VOCABULARY_FILE = 'vocabulary.json';
export const TYPOS_FILE = 'typos.json';
export const BUNDLE_FILE = 'all.bin';
export const shardFile = (shard: number) => `p/${shard}.bin`;
export const chunkFile = (chunk: number) => `t/${chunk}.json`;

export const KIND_CODES = { heading: 'h', clause: 'c', paragraph: 'p', attribution: 'a', row: 'r' } as const;
export type KindCode = (typeof KIND_CODES)[keyof typeof KIND_CODES];

/** The terms a document equates by defining a role ("党委副书记、校长是直接责任人"). */
export interface RoleAliasGroup {
  docs: number[];
  terms: string[];
}

export interface SearchManifest {
  format: typeof SEARCH_FILES_FORMAT;
  /** Changes with any content; every shard and chunk carries it, so a mix of two builds is noticed. */
  version: number;
  records: number;
  averageLength: number;
  chunkSize: number;
  /** Bytes of all shards and chunks together. */
  bytes: number;
  /** The file holding every shard and chunk, when the index is small enough to load whole (BUNDLE_FILE). */
  bundle?: string;
  /** The first key hash of each shard, ascending. */
  shards: number[];
  docs: {
    /** Records per document, in record order. */
    records: number[];
    bodyType: number[];
  };
  bodyTypes: string[];
  roles: SearchRole[];
  thesaurus: SynonymGroup[];
  roleAliases: RoleAliasGroup[];
}

/** A chunk: records `first` … in order, each [id, kind, locator, text, index into paths]; its documents as [index, slug, title]. */
export interface SearchChunk {
  version: number;
  first: number;
  docs: [doc: number, slug: string, title: string][];
  paths: string[][];
  records: [id: string, kind: KindCode, locator: string, text: string, path: number, doc: number][];
}
