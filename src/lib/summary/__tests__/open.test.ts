import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../checklist/zip';
import { MESSAGES, openLedgerFile, type OpenedFile } from '../open';
import { branchRecord, bytesOf, ledgerOf, NOW, withEvidence, zipOf } from './fixtures';

const open = (name: string, bytes: Uint8Array) => openLedgerFile(name, bytes, sha256Hex, () => NOW);
const message = (file: OpenedFile) => (file.ok ? null : file.message);

describe('openLedgerFile', async () => {
  const { record, files } = await withEvidence(
    branchRecord('第一党支部', { ticks: { 'D01-18/h1': { done: '2026-03-15', note: '' } } }),
  );
  const ledger = ledgerOf(record);
  const zip = await zipOf(ledger, files);
  const json = JSON.stringify(ledger, null, 2);
  const evidenceBytes = [...files.values()][0]!.length;

  it('opens ledger.json: the ledger, and the evidence it refers to but does not carry', async () => {
    const opened = await open('一支部.json', bytesOf(json));
    expect(opened).toEqual({
      ok: true,
      name: '一支部.json',
      kind: 'json',
      ledger,
      evidence: { files: 1, bytes: evidenceBytes, included: false, missing: [] },
    });
    // A byte-order mark (Windows Notepad) is no obstacle.
    expect((await open('bom.json', bytesOf(`\uFEFF${json}`))).ok).toBe(true);
  });

  it('opens the ZIP: ledger.json checked against the manifest, the evidence counted and found', async () => {
    const opened = await open('一支部.zip', zip);
    expect(opened.ok && opened.kind).toBe('zip');
    expect(opened.ok && opened.ledger).toEqual(ledger);
    expect(opened.ok && opened.evidence).toEqual({ files: 1, bytes: evidenceBytes, included: true, missing: [] });
  });

  it('refuses a truncated or corrupt ZIP', async () => {
    expect(message(await open('cut.zip', zip.subarray(0, zip.length - 30)))).toBe(MESSAGES.corrupt);
    const garbled = zip.slice();
    garbled.fill(0, 40, zip.length);
    expect(message(await open('garbled.zip', garbled))).toBe(MESSAGES.corrupt);
  });

  const repack = (change: (entries: Record<string, Uint8Array>) => void) => {
    const entries = unzipSync(zip);
    change(entries);
    return zipSync(entries);
  };

  it('refuses a ZIP whose ledger.json was changed after export', async () => {
    const tampered = repack((e) => {
      e['ledger.json'] = strToU8(strFromU8(e['ledger.json']!).replace('2026-03-15', '2026-03-16'));
    });
    expect(message(await open('tampered.zip', tampered))).toBe(MESSAGES.altered);
  });

  it('refuses a ZIP without ledger.json or without a readable manifest', async () => {
    expect(
      message(
        await open(
          'a.zip',
          repack((e) => delete e['ledger.json']),
        ),
      ),
    ).toBe(MESSAGES.noLedger);
    expect(
      message(
        await open(
          'b.zip',
          repack((e) => delete e['manifest.json']),
        ),
      ),
    ).toBe(MESSAGES.manifest);
    expect(
      message(
        await open(
          'c.zip',
          repack((e) => (e['manifest.json'] = strToU8('{"format":"x"}'))),
        ),
      ),
    ).toBe(MESSAGES.manifest);
    expect(message(await open('d.zip', zipSync({ 'readme.txt': strToU8('hi') })))).toBe(MESSAGES.noLedger);
  });

  it('names evidence files a ZIP lacks, and still opens it', async () => {
    const lacking = repack((e) => {
      for (const path of Object.keys(e)) if (path.startsWith('佐证材料/')) delete e[path];
    });
    const opened = await open('lacking.zip', lacking);
    expect(opened.ok && opened.evidence.missing).toEqual(['纪要.pdf']);
  });

  it('says what is wrong with a file that is not a usable ledger', async () => {
    expect(message(await open('empty.json', new Uint8Array()))).toBe(MESSAGES.empty);
    expect(message(await open('text.json', bytesOf('{"format": "zerenzhi-ledger", ')))).toBe('文件已损坏，无法读取。');
    expect(message(await open('photo.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0])))).toBe('文件已损坏，无法读取。');
    expect(message(await open('other.json', bytesOf('{"name": "x"}')))).toBe('文件不是本站导出的台账。');
    expect(message(await open('newer.json', bytesOf(json.replace('"formatVersion": 1', '"formatVersion": 2'))))).toBe(
      '台账文件来自更新版本的网站，本页面无法识别。',
    );
    expect(message(await open('record.json', bytesOf(JSON.stringify(record))))).toBe(MESSAGES.record);
    const list = ledgerOf(record);
    expect(message(await open('list.json', bytesOf(JSON.stringify({ ...list, content: 'list' }))))).toBe(MESSAGES.list);
  });
});
