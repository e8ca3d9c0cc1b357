/**
 * Writes the 汇总's workbook in a worker of its own: ExcelJS takes a second or more for thirty
 * ledgers, which would otherwise hold the page in one task. Started by saveWorkbook.ts on 导出 Excel.
 */
import type { WorkbookSheet } from '../../lib/summary/workbook';
import { writeWorkbook } from '../../lib/summary/xlsx';

export type WorkbookReply = { bytes: ArrayBuffer } | { error: string };

// The project's TypeScript lib is the DOM's; a dedicated worker's scope is all this needs of its own.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkbookSheet[]>) => void) | null;
  postMessage(reply: WorkbookReply, transfer?: Transferable[]): void;
};

scope.onmessage = async ({ data }) => {
  try {
    const bytes = await writeWorkbook(data);
    scope.postMessage({ bytes }, [bytes]);
  } catch (error) {
    scope.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
