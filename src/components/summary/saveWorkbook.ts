/** Writes the 汇总 as an .xlsx (in a worker) and offers it as a download; loaded only when 导出 Excel is used. */
import type { Summary } from '../../lib/summary/aggregate';
import type { OpenedFile } from '../../lib/summary/open';
import { summaryWorkbook, type WorkbookSheet } from '../../lib/summary/workbook';
import { downloadBlob } from '../checklist/browser';
import type { WorkbookReply } from './workbookWriter';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function written(sheets: WorkbookSheet[]): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    // A classic worker (Vite bundles it into one script): browsers without module workers run it too.
    const worker = new Worker(new URL('./workbookWriter.ts', import.meta.url));
    worker.onmessage = ({ data }: MessageEvent<WorkbookReply>) => {
      worker.terminate();
      if ('bytes' in data) resolve(data.bytes);
      else reject(new Error(data.error));
    };
    // The worker's script could not be loaded (offline before its first use) or failed.
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new Error(event.message || 'workbook writer did not start'));
    };
    worker.postMessage(sheets);
  });
}

export async function saveWorkbook(summary: Summary, files: readonly OpenedFile[], filterText: string) {
  const bytes = await written(summaryWorkbook(summary, files, filterText));
  downloadBlob(`汇总-${summary.year}年度.xlsx`, new Blob([bytes], { type: XLSX }));
}
