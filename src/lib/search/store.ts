/**
 * Reads the search files (searchFiles.ts) through a loader: over the network
 * in the browser, from memory in the tests and benchmarks. Each
 * shard and chunk is loaded once, when a query first needs it; a failed load
 * is tried again next time.
 */
import { foldText } from './fold';
import { ByteReader, decodePostings, hashKey, type PostingList } from './postings';
import {
  chunkFile,
  shardFile,
  SEARCH_FILES_FORMAT,
  TYPOS_FILE,
  VOCABULARY_FILE,
  type KindCode,
  type SearchChunk,
  type SearchManifest,
} from './layout';
import { TypoCorrector, type TypoData } from './typos';

export type SearchFileLoader = (path: string) => Promise<Uint8Array | string>;

/** The files on the server belong to another build than the manifest: start again from a fresh manifest. */
export class StaleIndexError extends Error {
  constructor(path: string) {
    super(`${path} belongs to another build of the site`);
    this.name = 'StaleIndexError';
  }
}

export interface KeyPostings {
  list: PostingList;
  /** Documents whose title holds the key. */
  titles: Int32Array;
}

interface ShardEntry {
  titles: Int32Array;
  count: number;
  data: Uint8Array;
  decoded?: PostingList;
}

export interface StoredRecord {
  index: number;
  id: string;
  kind: KindCode;
  locator: string;
  text: string;
  folded: string;
  /** Titles of the enclosing headings, outermost first. */
  path: string[];
  doc: number;
  slug: string;
  title: string;
}

const EMPTY = new Int32Array(0);

function parseShard(path: string, bytes: Uint8Array, version: number): Map<string, ShardEntry> {
  const reader = new ByteReader(bytes);
  if (reader.varint() !== SEARCH_FILES_FORMAT || reader.varint() !== version) throw new StaleIndexError(path);
  const entries = new Map<string, ShardEntry>();
  for (let n = reader.varint(); n > 0; n -= 1) {
    let key = '';
    for (let units = reader.varint(); units > 0; units -= 1)
      key += String.fromCharCode(reader.byte() * 256 + reader.byte());
    const titles = new Int32Array(reader.varint());
    let doc = -1;
    for (let i = 0; i < titles.length; i += 1) {
      doc += reader.varint() + 1;
      titles[i] = doc;
    }
    const count = reader.varint();
    const length = reader.varint();
    entries.set(key, { titles, count, data: bytes.subarray(reader.at, reader.at + length) });
    reader.at += length;
  }
  return entries;
}

/** A new task (see SearchStore.spreadWork). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class SearchStore {
  /** Files asked of the loader so far (not those taken from the bundle). */
  filesLoaded = 0;
  /**
   * While true, work on files that had to be waited for (decoding, folding, the phase that follows) goes in
   * tasks of its own, so that a first search, which runs code the browser has not compiled yet, does not
   * hold a page in one long task. A search whose files are all in never waits, and answers within the task
   * that asked.
   */
  spreadWork = false;
  private readonly shards = new Map<number, Promise<Map<string, ShardEntry>>>();
  private readonly chunks = new Map<number, Promise<SearchChunk>>();
  private readonly stored = new Map<number, StoredRecord>();
  private vocabulary: Promise<string[]> | undefined;
  private typos: Promise<TypoCorrector> | undefined;
  private bundle: Promise<void> | undefined;
  private readonly preloaded = new Map<string, Uint8Array>();
  /** First record of each document, and one past the last record at the end. */
  readonly docStarts: Int32Array;

  constructor(
    readonly manifest: SearchManifest,
    private readonly load: SearchFileLoader,
  ) {
    if (manifest.format !== SEARCH_FILES_FORMAT) throw new StaleIndexError('manifest.json');
    this.docStarts = new Int32Array(manifest.docs.records.length + 1);
    manifest.docs.records.forEach((count, d) => {
      this.docStarts[d + 1] = (this.docStarts[d] as number) + count;
    });
  }

  shardOf(key: string): number {
    const hash = hashKey(key);
    const { shards } = this.manifest;
    let low = 0;
    let high = shards.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((shards[mid] as number) <= hash) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  docOf(record: number): number {
    let low = 0;
    let high = this.docStarts.length - 2;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.docStarts[mid] as number) <= record) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private once<T>(cache: Map<number, Promise<T>>, n: number, loadIt: () => Promise<T>): Promise<T> {
    let loading = cache.get(n);
    if (!loading) {
      loading = loadIt();
      cache.set(n, loading);
      loading.catch(() => cache.delete(n));
    }
    return loading;
  }

  private shard(n: number) {
    return this.once(this.shards, n, async () => {
      const path = shardFile(n);
      const bytes = await this.file(path);
      if (typeof bytes === 'string') throw new TypeError(`${path} is not binary`);
      return parseShard(path, bytes, this.manifest.version);
    });
  }

  /**
   * For a small index (manifest.bundle): loads every shard and chunk, the homophones and the suggestion
   * words in one file, so later lookups need no request, also offline. Not on a first answer's path: the
   * search service asks for it once that answer is out.
   */
  loadBundle(): Promise<void> {
    const name = this.manifest.bundle;
    if (!name) return Promise.resolve();
    const loading = (this.bundle ??= this.load(name).then((bytes) => {
      if (typeof bytes === 'string') throw new TypeError(`${name} is not binary`);
      const files = this.bundleFiles(bytes);
      if (!files) throw new StaleIndexError(name);
      for (const [path, body] of files) this.preloaded.set(path, body);
    }));
    loading.catch(() => {
      if (this.bundle === loading) this.bundle = undefined;
    });
    return loading;
  }

  /**
   * Takes the bundle from bytes at hand (a copy kept on the device) instead of loading it; false, and
   * nothing taken, when they are not this build's bundle.
   */
  adoptBundle(bytes: Uint8Array): boolean {
    const files = this.bundle ? undefined : this.bundleFiles(bytes);
    if (!files) return false;
    for (const [path, body] of files) this.preloaded.set(path, body);
    this.bundle = Promise.resolve();
    return true;
  }

  /** The files in a bundle (each its path's length and UTF-8 bytes, its length and bytes); undefined when it is not this build's. */
  private bundleFiles(bytes: Uint8Array): Map<string, Uint8Array> | undefined {
    const files = new Map<string, Uint8Array>();
    try {
      const reader = new ByteReader(bytes);
      const text = new TextDecoder();
      for (let n = reader.varint(); n > 0; n -= 1) {
        const nameLength = reader.varint();
        const path = text.decode(bytes.subarray(reader.at, reader.at + nameLength));
        reader.at += nameLength;
        const length = reader.varint();
        if (reader.at + length > bytes.length) return undefined;
        files.set(path, bytes.subarray(reader.at, reader.at + length));
        reader.at += length;
      }
      // Every shard begins with the format and the build's version.
      const header = new ByteReader(files.get(shardFile(0)) ?? new Uint8Array(0));
      return header.varint() === SEARCH_FILES_FORMAT && header.varint() === this.manifest.version ? files : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * A file: from the bundle once it is in, else on its own; one that cannot be loaded on its own (offline,
   * where only the bundle was kept) is taken from the bundle when there is one.
   */
  private async file(path: string): Promise<Uint8Array | string> {
    const preloaded = this.preloaded.get(path);
    if (preloaded) return preloaded;
    this.filesLoaded += 1;
    try {
      return await this.load(path);
    } catch (error) {
      if (!this.manifest.bundle) throw error;
      await this.loadBundle().catch(() => undefined);
      const fromBundle = this.preloaded.get(path);
      if (!fromBundle) throw error;
      return fromBundle;
    }
  }

  /** The postings of the keys that occur anywhere (keys found nowhere are left out). */
  async postings(keys: Iterable<string>): Promise<Map<string, KeyPostings>> {
    const wanted = [...new Set(keys)];
    const before = this.filesLoaded;
    const shards = await Promise.all(wanted.map((key) => this.shard(this.shardOf(key))));
    const waited = this.spreadWork && this.filesLoaded !== before;
    if (waited) await nextTask();
    const found = new Map<string, KeyPostings>();
    wanted.forEach((key, i) => {
      const entry = shards[i]?.get(key);
      if (!entry) return;
      entry.decoded ??= decodePostings(entry.data, entry.count);
      found.set(key, { list: entry.decoded, titles: entry.titles.length ? entry.titles : EMPTY });
    });
    if (waited) await nextTask();
    return found;
  }

  private chunk(n: number) {
    return this.once(this.chunks, n, async () => {
      const path = chunkFile(n);
      const text = await this.file(path);
      const chunk = JSON.parse(typeof text === 'string' ? text : new TextDecoder().decode(text)) as SearchChunk;
      if (chunk.version !== this.manifest.version) throw new StaleIndexError(path);
      return chunk;
    });
  }

  /** The stored records (text, locator, path …) of the given record numbers. */
  async records(indexes: Iterable<number>): Promise<Map<number, StoredRecord>> {
    const wanted = [...new Set(indexes)];
    const size = this.manifest.chunkSize;
    const missing = [...new Set(wanted.filter((i) => !this.stored.has(i)).map((i) => Math.floor(i / size)))];
    const chunks = await Promise.all(missing.map((n) => this.chunk(n)));
    const spread = this.spreadWork && chunks.length > 0;
    if (spread) await nextTask();
    for (const chunk of chunks) {
      const docs = new Map(chunk.docs.map(([d, slug, title]) => [d, { slug, title }]));
      chunk.records.forEach(([id, kind, locator, text, path, doc], i) => {
        const index = chunk.first + i;
        if (this.stored.has(index)) return;
        const { slug, title } = docs.get(doc) as { slug: string; title: string };
        this.stored.set(index, {
          index,
          id,
          kind,
          locator,
          text,
          folded: foldText(text),
          path: chunk.paths[path] ?? [],
          doc,
          slug,
          title,
        });
      });
    }
    const found = new Map<number, StoredRecord>();
    for (const i of wanted) {
      const record = this.stored.get(i);
      if (record) found.set(i, record);
    }
    if (spread) await nextTask();
    return found;
  }

  private json<T>(path: string): Promise<T> {
    return this.file(path).then(
      (text) => JSON.parse(typeof text === 'string' ? text : new TextDecoder().decode(text)) as T,
    );
  }

  vocabularyWords(): Promise<string[]> {
    const loading = (this.vocabulary ??= this.json<string[]>(VOCABULARY_FILE));
    loading.catch(() => {
      this.vocabulary = undefined;
    });
    return loading;
  }

  typoCorrector(): Promise<TypoCorrector> {
    const loading = (this.typos ??= this.json<TypoData>(TYPOS_FILE).then((data) => {
      if (data.version !== this.manifest.version) throw new StaleIndexError(TYPOS_FILE);
      return new TypoCorrector(data);
    }));
    loading.catch(() => {
      this.typos = undefined;
    });
    return loading;
  }
}
