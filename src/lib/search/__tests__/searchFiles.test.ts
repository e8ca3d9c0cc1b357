import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, type IndexInputDocument } from '../indexData';
import { BUNDLE_FILE, MANIFEST_FILE, shardFile } from '../layout';
import { ByteReader, ByteWriter, decodePostings, encodePostings, LENGTHS, lengthCode, type Posting } from '../postings';
import { assignmentReach, buildSearchFiles, spans } from '../searchFiles';
import { SearchStore, StaleIndexError } from '../store';
import { TypoCorrector, buildBloom } from '../typos';
import { block, memoryStore } from './memoryStore';
const documents: IndexInputDocument[] = [
  {
    slug: 'rules',
    data: { title: '某校意识形态工作责任制实施细则', bodyType: '学校', kind: '实施细则' },
    model: {
      blocks: [
        block('s1', 'heading', '一、学生社团管理'),
        block('s1-p1', 'paragraph', '主要工作：落实学生社团建设管理责任。', 's1'),
        block('s1-p2', 'paragraph', '分管责任人：党总支副书记', 's1'),
        block('s2', 'heading', '二、联席会议制度'),
        block('s2-1', 'clause', '1.联席会议每季度召开一次。', 's2'),
      ],
    },
  },
];
const data = buildSearchIndex(documents, [{ id: 'deputy', name: '副书记', aliases: ['副书记'] }], []);

describe('postings', () => {
  it('round-trip every field (property)', () => {
    const posting = fc.record({
      gap: fc.integer({ min: 0, max: 100_000 }),
      tf: fc.integer({ min: 1, max: 4 }),
      length: fc.integer({ min: 1, max: 500 }),
      span: fc.integer({ min: 0, max: 3000 }),
      back: fc.integer({ min: 0, max: 50 }),
      heading: fc.boolean(),
      definition: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(posting, { maxLength: 40 }), (items) => {
        let record = -1;
        const postings: Posting[] = items.map(({ gap, ...rest }) => ({ ...rest, record: (record += gap + 1) }));
        const out = new ByteWriter();
        encodePostings(postings, out);
        const list = decodePostings(out.finish(), postings.length);
        postings.forEach((p, i) => {
          expect(list.records[i]).toBe(p.record);
          expect(list.tf[i]).toBe(p.tf);
          expect(list.lengths[i]).toBe(lengthCode(p.length));
          expect([list.span[i], list.back[i], list.heading[i], list.definition[i]]).toEqual([
            p.span,
            p.back,
            Number(p.heading),
            Number(p.definition),
          ]);
        });
      }),
    );
  });

  it('keep a length within a step of about 20 %', () => {
    for (const length of [1, 7, 50, 120, 383]) {
      const ratio = (LENGTHS[lengthCode(length)] as number) / length;
      expect(ratio).toBeGreaterThan(0.8);
      expect(ratio).toBeLessThan(1.25);
    }
  });

  it('read varints as written, and refuse to read past the end', () => {
    const out = new ByteWriter();
    for (const n of [0, 127, 128, 16_383, 16_384, 2 ** 31 + 5]) out.varint(n);
    const reader = new ByteReader(out.finish());
    expect([0, 1, 2, 3, 4, 5].map(() => reader.varint())).toEqual([0, 127, 128, 16_383, 16_384, 2 ** 31 + 5]);
    expect(() => reader.varint()).toThrow(RangeError);
  });
});

describe('search files', () => {
  it('give each record the span of the records inside it, and reject a record outside its parent', () => {
    expect([...spans([-1, 0, 0, -1, 3])]).toEqual([2, 0, 0, 1, 0]);
    expect(() => spans([-1, -1, 0])).toThrow(/outside its parent/);
  });

  it('load each shard and chunk once, and a small index as one bundle', async () => {
    const sharded = memoryStore(data, { shardBytes: 64, bundleBytes: 0 });
    expect(sharded.manifest.bundle).toBeUndefined();
    expect(sharded.manifest.shards.length).toBeGreaterThan(3);
    await sharded.store.postings(['社团', '联席', '社团']);
    await sharded.store.postings(['社团']);
    const shardLoads = sharded.loaded.filter((f) => f.path.startsWith('p/')).map((f) => f.path);
    expect(new Set(shardLoads).size).toBe(shardLoads.length);
    const texts = await sharded.store.records([0, 1, 4]);
    expect(texts.get(1)?.path).toEqual(['一、学生社团管理']);

    const whole = memoryStore(data);
    expect(whole.manifest.bundle).toBe(BUNDLE_FILE);
    await whole.store.loadBundle();
    await whole.store.postings(['社团', '联席']);
    await whole.store.records([0, 1, 2, 3, 4]);
    expect(whole.loaded.map((f) => f.path)).toEqual([BUNDLE_FILE]);
  });

  it('take a file that cannot be loaded on its own from the bundle (offline, where only the bundle was kept)', async () => {
    const { manifest, files } = buildSearchFiles(data);
    const asked: string[] = [];
    const store = new SearchStore(manifest, async (path) => {
      asked.push(path);
      if (path !== BUNDLE_FILE) throw new TypeError('Failed to fetch');
      return files.get(path) as Uint8Array;
    });
    expect((await store.postings(['社团'])).get('社团')?.list.records.length).toBeGreaterThan(0);
    expect((await store.records([1])).get(1)?.text).toContain('学生社团');
    expect(asked.filter((path) => path === BUNDLE_FILE)).toHaveLength(1);
    // Without a bundle the failure is the search's to report.
    const { manifest: large } = buildSearchFiles(data, { bundleBytes: 0 });
    const failing = new SearchStore(large, async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(failing.postings(['社团'])).rejects.toThrow('Failed to fetch');
  });

  it("take a kept copy of this build's bundle instead of loading anything, and refuse another build's or garbage", async () => {
    const { manifest, files } = buildSearchFiles(data);
    const other = buildSearchFiles({ ...data, records: data.records.slice(0, 4) });
    const asked: string[] = [];
    const store = () =>
      new SearchStore(manifest, async (path) => {
        asked.push(path);
        return files.get(path) as Uint8Array | string;
      });
    const kept = store();
    expect(kept.adoptBundle(files.get(BUNDLE_FILE) as Uint8Array)).toBe(true);
    expect((await kept.postings(['社团'])).get('社团')?.list.records.length).toBeGreaterThan(0);
    expect((await kept.records([1])).get(1)?.text).toContain('学生社团');
    await kept.loadBundle();
    expect(asked).toEqual([]);

    const stale = store();
    expect(stale.adoptBundle(other.files.get(BUNDLE_FILE) as Uint8Array)).toBe(false);
    expect(stale.adoptBundle(new Uint8Array([200, 1, 2, 3]))).toBe(false);
    expect(stale.adoptBundle((files.get(BUNDLE_FILE) as Uint8Array).subarray(0, 100))).toBe(false);
    // Nothing was taken: the files are loaded as usual.
    await stale.postings(['社团']);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked).not.toContain(BUNDLE_FILE);
  });

  it('let an assignment line head its whole section, also the records before it', async () => {
    const { store } = memoryStore(data);
    const list = (await store.postings(['副书'])).get('副书')?.list;
    // 分管责任人：党总支副书记 (record 2) covers record 1 before it and none after (the section ends).
    expect([list?.records[0], list?.back[0], list?.span[0]]).toEqual([2, 1, 0]);
  });

  it("let a section's lead paragraph that defines a role head the section, but not a numbered or later one", () => {
    const records = [
      { k: 'heading', t: '（二）第一责任人责任清单', p: -1 },
      { k: 'paragraph', t: '校党委书记是意识形态第一责任人。', p: 0, f: true },
      { k: 'clause', t: '1.及时召开专题会议。', p: 0 },
      { k: 'clause', t: '2.带头批评错误观点。', p: 0 },
      { k: 'heading', t: '（三）直接责任人责任清单', p: -1 },
      { k: 'clause', t: '1.副书记是直接责任人。', p: 4, f: true },
      { k: 'clause', t: '2.协助书记。', p: 4 },
      { k: 'heading', t: '（四）其他', p: -1 },
      { k: 'paragraph', t: '开展工作。', p: 7 },
      { k: 'paragraph', t: '校长是直接责任人。', p: 7, f: true },
    ];
    const span = spans(records.map((r) => r.p));
    const back = assignmentReach(records, span);
    expect([back[1], span[1]]).toEqual([0, 2]);
    expect([back[5], span[5], back[9], span[9]]).toEqual([0, 0, 0, 0]);
  });

  it('notice a shard of another build', async () => {
    const one = buildSearchFiles(data, { bundleBytes: 0 });
    const other = buildSearchFiles({ ...data, records: data.records.slice(0, 4) }, { bundleBytes: 0 });
    const store = new SearchStore(one.manifest, async (path) => other.files.get(path) ?? one.files.get(path) ?? '');
    await expect(store.postings(['联席'])).rejects.toBeInstanceOf(StaleIndexError);
    expect(JSON.parse(one.files.get(MANIFEST_FILE) as string).version).not.toBe(other.manifest.version);
    expect(one.files.has(shardFile(0))).toBe(true);
  });
});

describe('homophone typos', () => {
  const corrector = new TypoCorrector({
    version: 1,
    sounds: ['制治志质', '席习系', '度渡'],
    bloom: buildBloom(['制度', '联席', '席会']),
  });

  it('offer the variants of one homophone whose bigrams occur', () => {
    expect(corrector.homophones('治度')).toEqual(['制度']);
    expect(corrector.homophones('联习会')).toEqual(['联席会']);
    expect(corrector.homophones('管理')).toEqual([]);
  });
});
