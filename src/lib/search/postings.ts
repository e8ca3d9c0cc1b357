/**
 * The binary form of the search postings (see searchFiles.ts): which records
 * hold a key (a folded character or character bigram), how often, how long
 * each record is and how many records its section spans. Numbers are
 * unsigned LEB128 varints, record numbers delta-coded, so the common keys
 * (工作, 意识) cost about two bytes per record.
 */

/** Keys are one or two folded UTF-16 units; a role's list uses one unit of the Private Use Area, which folding never yields. */
const ROLE_KEY_BASE = 0xe000;
export const roleKey = (role: number) => String.fromCharCode(ROLE_KEY_BASE + role);

/** FNV-1a over the UTF-16 units: where a key's shard is. */
export function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export class ByteWriter {
  private chunks: Uint8Array[] = [];
  private buffer = new Uint8Array(64);
  private at = 0;

  private room(bytes: number) {
    if (this.at + bytes <= this.buffer.length) return;
    this.chunks.push(this.buffer.subarray(0, this.at));
    this.buffer = new Uint8Array(Math.max(2 * this.buffer.length, bytes, 64));
    this.at = 0;
  }

  byte(value: number) {
    this.room(1);
    this.buffer[this.at] = value;
    this.at += 1;
  }

  varint(value: number) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`not a varint: ${value}`);
    this.room(5);
    let rest = value;
    while (rest >= 0x80) {
      this.buffer[this.at] = (rest & 0x7f) | 0x80;
      this.at += 1;
      rest = Math.floor(rest / 0x80);
    }
    this.buffer[this.at] = rest;
    this.at += 1;
  }

  bytes(data: Uint8Array) {
    this.room(data.length);
    this.buffer.set(data, this.at);
    this.at += data.length;
  }

  get length() {
    return this.chunks.reduce((n, c) => n + c.length, 0) + this.at;
  }

  finish(): Uint8Array {
    const all = [...this.chunks, this.buffer.subarray(0, this.at)];
    const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const chunk of all) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

export class ByteReader {
  at = 0;
  constructor(readonly data: Uint8Array) {}

  get done() {
    return this.at >= this.data.length;
  }

  byte(): number {
    if (this.at >= this.data.length) throw new RangeError('read past the end');
    const value = this.data[this.at] as number;
    this.at += 1;
    return value;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.byte();
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
      if (scale > 2 ** 35) throw new RangeError('varint too long');
    }
  }
}

/** A record's length in one of 32 steps of about 20 %: enough for length normalisation. */
const LENGTH_STEPS = 3.5;
export const lengthCode = (length: number) => Math.min(31, Math.round(Math.log2(Math.max(1, length)) * LENGTH_STEPS));
export const LENGTHS = Float32Array.from({ length: 32 }, (_, code) => 2 ** (code / LENGTH_STEPS));
export const MAX_TF = 4;

export interface Posting {
  record: number;
  /** Occurrences in the record, at most MAX_TF. */
  tf: number;
  /** The record's length in characters. */
  length: number;
  /** How many records after this one lie inside it (sub-clauses, a heading's section). */
  span: number;
  /** How many records before it it also covers (an assignment line covers its whole section). */
  back?: number;
  heading: boolean;
  /** The record defines a role (the documents' roleDefinitions). */
  definition?: boolean;
}

/** One key's records, decoded. */
export interface PostingList {
  records: Int32Array;
  tf: Uint8Array;
  /** lengthCode of each record (LENGTHS gives the length). */
  lengths: Uint8Array;
  span: Int32Array;
  back: Int32Array;
  heading: Uint8Array;
  definition: Uint8Array;
}

export function encodePostings(postings: readonly Posting[], out: ByteWriter) {
  let previous = -1;
  for (const { record, tf, length, span, back = 0, heading, definition = false } of postings) {
    if (record <= previous) throw new RangeError('postings must be in record order');
    out.varint(record - previous - 1);
    previous = record;
    const count = Math.min(MAX_TF, Math.max(1, tf)) - 1;
    // Bit 2: a varint follows with the span and flags: a heading, a definition, reaching back (most records
    // are none of these); if it reaches back, a varint with how far.
    const extra = span > 0 || back > 0 || heading || definition;
    out.byte(count | (extra ? 4 : 0) | (lengthCode(length) << 3));
    if (extra) out.varint(span * 8 + (definition ? 4 : 0) + (back > 0 ? 2 : 0) + (heading ? 1 : 0));
    if (back > 0) out.varint(back);
  }
}

export function decodePostings(data: Uint8Array, count: number): PostingList {
  const reader = new ByteReader(data);
  const list: PostingList = {
    records: new Int32Array(count),
    tf: new Uint8Array(count),
    lengths: new Uint8Array(count),
    span: new Int32Array(count),
    back: new Int32Array(count),
    heading: new Uint8Array(count),
    definition: new Uint8Array(count),
  };
  let record = -1;
  for (let i = 0; i < count; i += 1) {
    record += reader.varint() + 1;
    const flags = reader.byte();
    list.records[i] = record;
    list.tf[i] = (flags & 3) + 1;
    list.lengths[i] = flags >> 3;
    if (flags & 4) {
      const extra = reader.varint();
      list.span[i] = Math.floor(extra / 8);
      list.heading[i] = extra & 1;
      list.definition[i] = (extra >> 2) & 1;
      if (extra & 2) list.back[i] = reader.varint();
    }
  }
  return list;
}
