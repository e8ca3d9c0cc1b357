/**
 * Writes workbook sheets (workbook.ts) as an .xlsx with ExcelJS: the header row bold and frozen,
 * column widths, number formats for dates and percentages, wrapped text where asked, 宋体 throughout
 * (Excel's default Latin font has no Chinese characters). Strings are written as text, never as
 * formulas, so a note beginning with = stays a note.
 */
import ExcelJS from 'exceljs';
import type { Cell, CellObject, WorkbookSheet } from './workbook';

const FONT = { name: '宋体', size: 11 };

const isObject = (cell: Cell): cell is CellObject =>
  cell !== null && typeof cell === 'object' && !(cell instanceof Date);

export function buildWorkbook(sheets: readonly WorkbookSheet[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '责任制手册';
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.widths.map((width) => ({ width }));
    const header = ws.addRow(sheet.header);
    header.font = { ...FONT, bold: true };
    header.alignment = { wrapText: true, vertical: 'top' };
    for (const cells of sheet.rows) {
      const row = ws.addRow(cells.map((cell) => (isObject(cell) ? cell.value : cell)));
      row.font = FONT;
      cells.forEach((cell, index) => {
        if (!isObject(cell)) return;
        const target = row.getCell(index + 1);
        if (cell.format) target.numFmt = cell.format;
        if (cell.bold) target.font = { ...FONT, bold: true };
        if (cell.wrap) target.alignment = { wrapText: true, vertical: 'top' };
      });
    }
  }
  return workbook;
}

/** The .xlsx bytes in an ArrayBuffer of their own (ExcelJS gives a Buffer, which may be a view into a larger one). */
export async function writeWorkbook(sheets: readonly WorkbookSheet[]): Promise<ArrayBuffer> {
  const written: ArrayBuffer | ArrayBufferView = await buildWorkbook(sheets).xlsx.writeBuffer();
  const bytes = ArrayBuffer.isView(written)
    ? new Uint8Array(written.buffer, written.byteOffset, written.byteLength)
    : new Uint8Array(written);
  return bytes.slice().buffer;
}
