/** Writes the 汇总 as an .xlsx and offers it as a download (loaded only when 导出 Excel is used). */
import type { Summary } from '../../lib/summary/aggregate';
import type { OpenedFile } from '../../lib/summary/open';
import { summaryWorkbook } from '../../lib/summary/workbook';
import { writeWorkbook } from '../../lib/summary/xlsx';
import { downloadBlob } from '../checklist/browser';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function saveWorkbook(summary: Summary, files: readonly OpenedFile[], filterText: string) {
  const bytes = await writeWorkbook(summaryWorkbook(summary, files, filterText));
  downloadBlob(`汇总-${summary.year}年度.xlsx`, new Blob([bytes], { type: XLSX }));
}
