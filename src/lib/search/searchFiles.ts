/**
 * Builds the search index as the browser fetches it (layout.ts): a small
 * manifest, postings sharded by key hash and clause texts in chunks, so a
 * query loads only the shards of its keys and the chunks of the clauses it
 * shows (Pagefind-style). Keys are the folded characters and character
 * bigrams of each record's text and of each document's title, and one key per
 * role (the records that mention it).
 */
import { SEPARATOR, foldText } from './fold';
import type { SearchIndexData } from './indexData';
import {
  KIND_CODES,
  BUNDLE_FILE,
  MANIFEST_FILE,
  SEARCH_FILES_FORMAT,
  TYPOS_FILE,
  VOCABULARY_FILE,
  chunkFile,
  shardFile,
  type SearchChunk,
  type SearchManifest,
} from './layout';
import { ByteWriter, encodePostings, hashKey, roleKey, type Posting } from './postings';
import { buildTypoData } from './typoData';

export interface SearchFiles {
  manifest: SearchManifest;
  /** Path (relative to SEARCH_FILES_DIR) → content. */
  files: Map<string, Uint8Array | string>;
}

export interface SearchFilesOptions {
  /** Bytes of postings per shard before the next begins. */
  shardBytes?: number;
  chunkSize?: number;
  /** Largest index written also as one bundle (0: never). */
  bundleBytes?: number;
}

const DEFAULT_SHARD_BYTES = 2048;
const DEFAULT_CHUNK_SIZE = 8;
/**
 * Up to this size the index is also written as one file, loaded whole after the first answer: every later
 * search is local, and one request costs a slow network less than a wave of shards and chunks.
 */
const BUNDLE_BYTES = 1024 * 1024;

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The bundle: each file as its path's length and UTF-8 bytes, its length and its bytes. */
function bundle(files: Map<string, Uint8Array | string>): Uint8Array {
  const out = new ByteWriter();
  out.varint(files.size);
  for (const [path, content] of files) {
    const name = utf8(path);
    const body = typeof content === 'string' ? utf8(content) : content;
    out.varint(name.length);
    out.bytes(name);
    out.varint(body.length);
    out.bytes(body);
  }
  return out.finish();
}

/** The keys of one folded text: each character and each pair of neighbouring characters, within words. */
export function keysOf(folded: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (let at = 0; at < folded.length; at += 1) {
    if (folded[at] === SEPARATOR) continue;
    add(folded[at] as string);
    if (at + 1 < folded.length && folded[at + 1] !== SEPARATOR) add(folded.slice(at, at + 2));
  }
  return counts;
}

function versionOf(data: SearchIndexData): number {
  return hashKey(JSON.stringify(data));
}

/** How many records after each one are inside it; records come in document order, so a section is a run. */
export function spans(parents: readonly number[]): Int32Array {
  // Document order: each record's parent is the previous record or one of its ancestors.
  const open: number[] = [];
  parents.forEach((parent, i) => {
    while (open.length > 0 && open[open.length - 1] !== parent) open.pop();
    if (parent >= 0 && open.length === 0)
      throw new Error(`search index: record ${i} lies outside its parent ${parent}`);
    open.push(i);
  });
  const last = Int32Array.from(parents, (_, i) => i);
  for (let i = parents.length - 1; i >= 0; i -= 1) {
    const parent = parents[i] as number;
    if (parent >= 0) last[parent] = Math.max(last[parent] as number, last[i] as number);
  }
  return Int32Array.from(last, (end, i) => end - i);
}

/** A line that names who answers for its section: 分管责任人：党总支副书记, 负责人：… */
const ASSIGNMENT = /^[^，。；：:]{0,8}(?:责任人|负责人|分管领导)[:：]/;

/**
 * An assignment line covers its whole section: the other records under its parent count it among
 * their enclosing records (its role is theirs). So does a section's unnumbered lead paragraph that
 * defines a role ("校党委书记是意识形态第一责任人" above the duties of 第一责任人责任清单). Returns how
 * far back each record reaches (0 for most).
 */
export function assignmentReach(
  records: readonly { k: string; t: string; p: number; f?: boolean }[],
  span: Int32Array,
): Int32Array {
  const back = new Int32Array(records.length);
  records.forEach((record, i) => {
    if (record.k !== 'paragraph' || record.p < 0) return;
    const leadDefinition = record.f === true && record.p === i - 1 && records[record.p]?.k === 'heading';
    if (!leadDefinition && !ASSIGNMENT.test(record.t)) return;
    back[i] = i - record.p - 1;
    span[i] = Math.max(span[i] as number, record.p + (span[record.p] as number) - i);
  });
  return back;
}

export function buildSearchFiles(data: SearchIndexData, options: SearchFilesOptions = {}): SearchFiles {
  const shardBytes = options.shardBytes ?? DEFAULT_SHARD_BYTES;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const version = versionOf(data);
  const { records, docs } = data;
  for (let i = 1; i < records.length; i += 1) {
    if ((records[i] as { d: number }).d < (records[i - 1] as { d: number }).d)
      throw new Error('search index: records must be grouped by document');
  }
  const span = spans(records.map((r) => r.p));
  const back = assignmentReach(records, span);
  const folded = records.map((r) => foldText(r.t));
  const heading = (record: number) => (records[record] as { k: string }).k === 'heading';

  const postings = new Map<string, Posting[]>();
  const titleDocs = new Map<string, number[]>();
  folded.forEach((text, record) => {
    for (const [key, tf] of keysOf(text)) {
      const posting = {
        record,
        tf,
        length: text.length,
        span: span[record] as number,
        back: back[record] as number,
        heading: heading(record),
        definition: Boolean((records[record] as { f?: boolean }).f),
      };
      const list = postings.get(key);
      if (list) list.push(posting);
      else postings.set(key, [posting]);
    }
    for (const role of (records[record] as { r: number[] }).r) {
      const key = roleKey(role);
      const posting = { record, tf: 1, length: text.length, span: span[record] as number, heading: heading(record) };
      const list = postings.get(key);
      if (list) list.push(posting);
      else postings.set(key, [posting]);
    }
  });
  docs.forEach((doc, d) => {
    for (const key of keysOf(foldText(doc.title)).keys()) {
      const list = titleDocs.get(key);
      if (list) list.push(d);
      else titleDocs.set(key, [d]);
    }
  });

  // Each key's entry, then shards of about shardBytes in hash order.
  const keys = [...new Set([...postings.keys(), ...titleDocs.keys()])]
    .map((key) => ({ key, hash: hashKey(key) }))
    .sort((a, b) => a.hash - b.hash || (a.key < b.key ? -1 : 1));
  const files = new Map<string, Uint8Array | string>();
  const shards: number[] = [];
  let entries: Uint8Array[] = [];
  let bytes = 0;
  const flush = () => {
    if (entries.length === 0) return;
    const out = new ByteWriter();
    out.varint(SEARCH_FILES_FORMAT);
    out.varint(version);
    out.varint(entries.length);
    for (const entry of entries) out.bytes(entry);
    files.set(shardFile(shards.length - 1), out.finish());
    entries = [];
    bytes = 0;
  };
  keys.forEach(({ key, hash }, i) => {
    const previous = keys[i - 1];
    // Keys with one hash share a shard, so a lookup by hash finds every one of them.
    if (entries.length === 0 || (bytes >= shardBytes && previous && previous.hash !== hash)) {
      flush();
      shards.push(shards.length === 0 ? 0 : hash);
    }
    const entry = new ByteWriter();
    // The key: its length, then each UTF-16 unit in two bytes (a Chinese character would take three as a varint).
    entry.varint(key.length);
    for (let k = 0; k < key.length; k += 1) {
      entry.byte(key.charCodeAt(k) >> 8);
      entry.byte(key.charCodeAt(k) & 0xff);
    }
    const titles = titleDocs.get(key) ?? [];
    entry.varint(titles.length);
    let last = -1;
    for (const d of titles) {
      entry.varint(d - last - 1);
      last = d;
    }
    const list = postings.get(key) ?? [];
    const body = new ByteWriter();
    encodePostings(list, body);
    entry.varint(list.length);
    entry.varint(body.length);
    entry.bytes(body.finish());
    const encoded = entry.finish();
    entries.push(encoded);
    bytes += encoded.length;
  });
  flush();

  const pathOf = (record: number): string[] => {
    const path: string[] = [];
    for (let p = (records[record] as { p: number }).p; p !== -1; p = (records[p] as { p: number }).p) {
      const parent = records[p] as { k: string; t: string };
      if (parent.k === 'heading') path.unshift(parent.t);
    }
    return path;
  };
  for (let first = 0; first < records.length; first += chunkSize) {
    const paths: string[][] = [];
    const pathIndex = new Map<string, number>();
    const chunkDocs = new Map<number, [number, string, string]>();
    const rows: SearchChunk['records'] = [];
    for (let i = first; i < Math.min(records.length, first + chunkSize); i += 1) {
      const record = records[i] as SearchIndexData['records'][number];
      const doc = docs[record.d] as SearchIndexData['docs'][number];
      chunkDocs.set(record.d, [record.d, doc.slug, doc.title]);
      const path = pathOf(i);
      const key = JSON.stringify(path);
      if (!pathIndex.has(key)) {
        pathIndex.set(key, paths.length);
        paths.push(path);
      }
      rows.push([record.id, KIND_CODES[record.k], record.l, record.t, pathIndex.get(key) as number, record.d]);
    }
    const chunk: SearchChunk = { version, first, docs: [...chunkDocs.values()], paths, records: rows };
    files.set(chunkFile(first / chunkSize), JSON.stringify(chunk));
  }

  const bodyTypes = [...new Set(docs.map((doc) => doc.bodyType))];
  const recordsPerDoc = docs.map(() => 0);
  for (const record of records) recordsPerDoc[record.d] = (recordsPerDoc[record.d] as number) + 1;
  const manifest: SearchManifest = {
    format: SEARCH_FILES_FORMAT,
    version,
    records: records.length,
    averageLength: folded.reduce((n, t) => n + t.length, 0) / Math.max(1, records.length),
    chunkSize,
    bytes: [...files.values()].reduce((n, f) => n + (typeof f === 'string' ? utf8(f).length : f.length), 0),
    shards,
    docs: {
      records: recordsPerDoc,
      bodyType: docs.map((doc) => bodyTypes.indexOf(doc.bodyType)),
    },
    bodyTypes,
    roles: data.roles,
    thesaurus: data.synonyms,
    roleAliases: data.roleAliases,
  };
  files.set(VOCABULARY_FILE, JSON.stringify(data.vocabulary));
  files.set(TYPOS_FILE, JSON.stringify(buildTypoData(version, postings.keys())));
  // The bundle holds everything a search may need (typos and suggestions too), so one file makes it work offline.
  if (manifest.bytes <= (options.bundleBytes ?? BUNDLE_BYTES)) {
    files.set(BUNDLE_FILE, bundle(files));
    manifest.bundle = BUNDLE_FILE;
  }
  files.set(MANIFEST_FILE, JSON.stringify(manifest));
  return { manifest, files };
}
