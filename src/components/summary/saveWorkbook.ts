/** Writes the 汇总 as an .xlsx and offers it as a download (loaded only when 导出 Excel is used). */
import writeXlsxFile from 'write-excel-file/universal';
import type { Summary } from '../../lib/summary/aggregate';
import type { OpenedFile } from '../../lib/summary/open';
import { summaryWorkbook } from '../../lib/summary/workbook';
import { downloadBlob } from '../checklist/browser';

export async function saveWorkbook(summary: Summary, files: readonly OpenedFile[], filterText: string) {
  const sheets = summaryWorkbook(summary, files, filterText);
  // 宋体: Excel's default Latin font has no Chinese characters.
  const blob = await writeXlsxFile(sheets, { fontFamily: '宋体', fontSize: 11 }).toBlob();
  downloadBlob(`汇总-${summary.year}年度.xlsx`, blob);
}
