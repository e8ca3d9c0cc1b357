import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { summarize } from '../aggregate';
import type { OpenedFile, OpenedLedger } from '../open';
import { excelDate, summaryWorkbook } from '../workbook';
import { writeWorkbook } from '../xlsx';
import { branchRecord, ledgerOf, TODAY } from './fixtures';

const first: OpenedLedger = {
  ok: true,
  name: '一支部.zip',
  kind: 'zip',
  ledger: ledgerOf(
    branchRecord('第一党支部', {
      ticks: { 'D01-18/h1': { done: '2026-03-15', note: '=HYPERLINK("http://x")' } },
      notApplicable: { 'U-k3j9x2ab/m8': { reason: '暑假' } },
    }),
  ),
  evidence: { files: 2, bytes: 10, included: true, missing: ['照片.jpg'] },
};
const files: OpenedFile[] = [
  first,
  { ok: false, name: '坏.zip', message: 'ZIP 文件已损坏或不完整（可能没有下载完），无法打开。' },
];

async function readBack() {
  const summary = summarize([first], 2026, TODAY);
  const bytes = await writeWorkbook(summaryWorkbook(summary, files, '状态：全部；角色：全部'));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  return { summary, workbook, bytes };
}

describe('summaryWorkbook', () => {
  it('writes one sheet per view and the files, each with a frozen header and set column widths', async () => {
    const { workbook } = await readBack();
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['按单位', '按工作', '明细', '文件']);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.getColumn(1).width).toBeGreaterThan(15);
    }
  });

  it('counts per unit with a total row and the share done as a percentage', async () => {
    const { workbook, summary } = await readBack();
    const sheet = workbook.getWorksheet('按单位')!;
    expect(sheet.getRow(1).values).toEqual([
      ,
      '单位',
      '文件',
      '已完成',
      '已逾期',
      '未完成',
      '不适用',
      '合计',
      '完成率',
    ]);
    const counts = summary.byUnit[0]!.counts;
    expect(sheet.getRow(2).values).toEqual([
      ,
      '第一党支部',
      '一支部.zip',
      counts.done,
      counts.overdue,
      counts.open,
      1,
      15,
      counts.done / 14,
    ]);
    expect(sheet.getRow(2).getCell(8).numFmt).toBe('0%');
    expect(sheet.getRow(3).getCell(1).value).toBe('合计');
  });

  it('lists every occurrence with its window and completion as real dates', async () => {
    const { workbook, summary } = await readBack();
    const sheet = workbook.getWorksheet('明细')!;
    expect(sheet.rowCount).toBe(1 + summary.rows.length);
    const done = sheet.getRow(2);
    expect(done.getCell(2).value).toBe('召开意识形态工作分析研判会');
    expect(done.getCell(3).value).toBe('《通辽第五中学意识形态工作责任实施细则（试行）》附2·3月中旬');
    expect(done.getCell(5).value).toEqual(new Date(Date.UTC(2026, 2, 11)));
    expect(done.getCell(6).value).toEqual(new Date(Date.UTC(2026, 2, 20)));
    expect(done.getCell(7).value).toBe('已完成');
    expect(done.getCell(8).value).toEqual(new Date(Date.UTC(2026, 2, 15)));
    expect(done.getCell(8).numFmt).toBe('yyyy-mm-dd');
    // A note that looks like a formula is text, never a formula.
    expect(done.getCell(9).value).toBe('=HYPERLINK("http://x")');
    const own = sheet.getRows(2, summary.rows.length)!.find((r) => r.getCell(9).value === '不适用：暑假');
    expect(own?.getCell(3).value).toBe('本单位：本支部《学习制度》第三条');
  });

  it('lists the files, the refused ones with the reason, and the filters', async () => {
    const { workbook } = await readBack();
    const sheet = workbook.getWorksheet('文件')!;
    expect(sheet.getRow(2).getCell(6).value).toBe('ZIP 中缺少：照片.jpg');
    expect(sheet.getRow(2).getCell(3).value).toBeInstanceOf(Date);
    expect(sheet.getRow(3).values).toEqual([
      ,
      '坏.zip',
      ,
      ,
      ,
      ,
      '未采用：ZIP 文件已损坏或不完整（可能没有下载完），无法打开。',
    ]);
    expect(sheet.getRow(5).getCell(1).value).toBe('2026年度，统计截至 2026-09-25；状态：全部；角色：全部');
  });

  it('turns a date into that day in Excel, whatever the time zone', () => {
    expect(excelDate('2026-12-31')).toEqual({
      value: new Date('2026-12-31T00:00:00Z'),
      format: 'yyyy-mm-dd',
    });
    expect(excelDate(null)).toBeNull();
  });

  it('is a workbook any spreadsheet reads the same: frozen panes, widths and dates in the sheet XML itself', async () => {
    const { bytes } = await readBack();
    // An ArrayBuffer of its own, which a worker can hand over to the page.
    expect(bytes).toBeInstanceOf(ArrayBuffer);
    const parts = unzipSync(new Uint8Array(bytes));
    const xml = (name: string) => strFromU8(parts[name]!);
    expect(xml('xl/workbook.xml')).toMatch(/name="按单位"[^>]*\/><sheet [^>]*name="按工作"/);
    for (const n of [1, 2, 3, 4]) {
      const sheet = xml(`xl/worksheets/sheet${n}.xml`);
      expect(sheet).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
      expect(sheet).toMatch(/<col min="1" max="\d+" width="\d+/);
    }
    // 明细 row 2, column H: the completion date as a number (the Excel date of 2026-03-15) with a date format.
    const cell = /<c r="H2" s="(\d+)"[^>]*><v>([\d.]+)<\/v><\/c>/.exec(xml('xl/worksheets/sheet3.xml'));
    expect(Number(cell?.[2])).toBe(46096);
    const styles = xml('xl/styles.xml');
    const cellXfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
    const xf = [...cellXfs.matchAll(/<xf [^>]*numFmtId="(\d+)"/g)].map((m) => m[1]);
    const formatId = xf[Number(cell?.[1])];
    expect(styles).toContain(`<numFmt numFmtId="${formatId}" formatCode="yyyy-mm-dd"/>`);
  });
});
