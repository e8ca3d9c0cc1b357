/**
 * The 汇总 as an Excel workbook, one sheet per view (按单位, 按工作, 明细) and one listing the files:
 * the header row frozen, column widths set, dates as Excel dates (not text), shares as percentages.
 * This builds the sheets' contents; xlsx.ts writes them with ExcelJS (loaded only on export).
 */
import type { Summary } from './aggregate';
import type { OpenedFile } from './open';
import { dutySource, STATE_LABELS, type Counts } from './present';

export type Value = string | number | Date | null;
export interface CellObject {
  value: Value;
  /** An Excel number format, e.g. yyyy-mm-dd or 0%. */
  format?: string;
  bold?: boolean;
  wrap?: boolean;
}
export type Cell = CellObject | Value;

export interface WorkbookSheet {
  name: string;
  /** Column widths in characters. */
  widths: number[];
  /** The first row, bold and frozen. */
  header: string[];
  rows: Cell[][];
}

const DATE = 'yyyy-mm-dd';
const DATE_TIME = 'yyyy-mm-dd hh:mm';

/** A YYYY-MM-DD date as the Excel date of that day (Excel dates have no time zone). */
export function excelDate(iso: string | null): Cell {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { value: new Date(Date.UTC(y, m - 1, d)), format: DATE };
}

/** An instant (ISO, UTC) as the local date and time it was where the workbook is written. */
function excelLocalTime(iso: string): Cell {
  const at = new Date(iso);
  return { value: new Date(at.getTime() - at.getTimezoneOffset() * 60_000), format: DATE_TIME };
}

const COUNT_TITLES = ['已完成', '已逾期', '未完成', '不适用', '合计', '完成率'];
function countCells(counts: Counts): Cell[] {
  const applying = counts.total - counts['not-applicable'];
  return [
    counts.done,
    counts.overdue,
    counts.open,
    counts['not-applicable'],
    counts.total,
    applying === 0 ? null : { value: counts.done / applying, format: '0%' },
  ];
}
const COUNT_WIDTHS = [8, 8, 8, 8, 8, 8];

const sheet = (name: string, header: string[], rows: Cell[][], widths: number[]): WorkbookSheet => ({
  name,
  header,
  rows,
  widths,
});

export function summaryWorkbook(summary: Summary, files: readonly OpenedFile[], filterText: string): WorkbookSheet[] {
  const byUnit = sheet(
    '按单位',
    ['单位', '文件', ...COUNT_TITLES],
    [
      ...summary.byUnit.map(({ unit, counts }) => [unit.label, unit.file, ...countCells(counts)]),
      [{ value: '合计', bold: true }, null, ...countCells(summary.totals)],
    ],
    [24, 24, ...COUNT_WIDTHS],
  );
  const byDuty = sheet(
    '按工作',
    ['工作', '出处', '频次', '单位数', ...COUNT_TITLES],
    summary.byDuty.map(({ duty, units, counts }) => [
      { value: duty.title, wrap: true },
      { value: dutySource(duty), wrap: true },
      duty.cadenceText,
      units,
      ...countCells(counts),
    ]),
    [40, 36, 18, 8, ...COUNT_WIDTHS],
  );
  const detail = sheet(
    '明细',
    ['单位', '工作', '出处', '次序', '开始', '截止', '状态', '完成日期', '说明', '佐证材料（个）'],
    summary.rows.map((row) => [
      row.unit.label,
      { value: row.duty.title, wrap: true },
      { value: dutySource(row.duty), wrap: true },
      row.occurrence.label,
      excelDate(row.occurrence.start),
      excelDate(row.occurrence.end),
      STATE_LABELS[row.state],
      excelDate(row.done),
      { value: row.reason ? `不适用：${row.reason}` : row.note, wrap: true },
      row.evidence.length,
    ]),
    [20, 36, 30, 12, 11, 11, 8, 11, 30, 8],
  );
  const sources = sheet(
    '文件',
    ['文件', '单位', '导出时间', '工作数', '佐证材料（个）', '说明'],
    [
      ...files.map((file): Cell[] =>
        file.ok
          ? [
              file.name,
              file.ledger.record.unit || '（未填单位名称）',
              excelLocalTime(file.ledger.exportedAt),
              file.ledger.duties.length,
              file.evidence.files,
              file.evidence.missing.length ? `ZIP 中缺少：${file.evidence.missing.join('、')}` : '',
            ]
          : [file.name, null, null, null, null, `未采用：${file.message}`],
      ),
      [],
      [`${summary.year}年度，统计截至 ${summary.today}；${filterText}`],
    ],
    [28, 24, 17, 8, 10, 50],
  );
  return [byUnit, byDuty, detail, sources];
}
