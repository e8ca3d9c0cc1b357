/**
 * 保存与导出: the ledger as JSON or as one ZIP with its evidence files, the
 * year as CSV, print, import (JSON or ZIP, previewed before anything is
 * written), clearing the year (with 撤销) or all data. The ZIP, CSV and
 * IndexedDB code loads only when one of these is used.
 */
import { useState } from 'preact/hooks';
import type { LedgerExport } from '../../lib/checklist/ledger';
import { emptyRecord, type ChecklistRecord } from '../../lib/checklist/record';
import { PERIOD_TABLE } from '../../lib/checklist/slots';
import { RECORD_KEY } from '../../lib/checklist/store';
import { download, downloadBlob } from './browser';
import { lazy } from './Lazy';
import { Reminders } from './Reminders';
import type { PlannedDuty } from '../../lib/checklist/plan';
import type { Ledger } from './useLedger';

interface Props {
  ledger: Ledger;
  year: number;
  today: string;
  /** The ledger as exported (record + readable duties). */
  exportLedger(content: 'ledger' | 'list'): Promise<LedgerExport>;
  csvRows(): Promise<Record<string, string>[]>;
  /** The year's planned duties, for the calendar file. */
  planned(): PlannedDuty[];
}

const loadFiles = () => import('./ledgerFiles');
const ImportPreview = lazy(() => import('./ImportPreview').then((m) => m.ImportPreview));

export function Tools({ ledger, year, today, exportLedger, csvRows, planned }: Props) {
  const { record, readOnly, commit, persisted } = ledger;
  const [incoming, setIncoming] = useState<{
    record: ChecklistRecord;
    written: string[];
    mode: 'merge' | 'replace';
  } | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [undo, setUndo] = useState<ChecklistRecord | null>(null);
  const yearKey = String(year);

  const exportJson = async () =>
    download(`责任制台账-${today}.json`, JSON.stringify(await exportLedger('ledger'), null, 2), 'application/json');
  const exportZip = async () => {
    setBusy(true);
    setMessage('正在打包台账和佐证材料……');
    try {
      const { ledgerZip } = await loadFiles();
      downloadBlob(`责任制台账-${today}.zip`, await ledgerZip(await exportLedger('ledger')));
      setMessage('已导出台账（ZIP）。');
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  const exportCsv = async () => {
    const { default: Papa } = await import('papaparse');
    download(
      `责任制自查-${yearKey}.csv`,
      `\ufeff${Papa.unparse(await csvRows(), { escapeFormulae: true })}`,
      'text/csv;charset=utf-8',
    );
  };
  const discard = async (written: string[]) => (await loadFiles()).evidenceStore.remove(written);
  const readFile = async (file: File | undefined) => {
    setImportError(null);
    if (incoming) void discard(incoming.written);
    setIncoming(null);
    if (!file) return;
    setBusy(true);
    setMessage('正在检查导入的文件……');
    const result = await (await loadFiles()).readImport(file);
    setBusy(false);
    setMessage(null);
    if ('error' in result) setImportError(result.error);
    else setIncoming({ ...result, mode: 'merge' });
  };
  const confirmImport = (next: ChecklistRecord) => {
    if (!incoming) return;
    // The files are stored already; the record switches over last. If it cannot be saved, they go again.
    if (commit(next)) setMessage('已导入。');
    else void discard(incoming.written);
    setIncoming(null);
  };
  const cancelImport = () => {
    if (incoming) void discard(incoming.written);
    setIncoming(null);
  };
  const resetYear = () => {
    if (!window.confirm(`确定清空 ${yearKey} 年度的全部勾选、日期、备注、不适用、佐证材料和自查答案吗？`)) return;
    setUndo(record);
    const years = { ...record.years };
    delete years[yearKey];
    commit({ ...record, years });
    setMessage(`已清空 ${yearKey} 年度的记录。`);
  };
  const clearAll = async () => {
    if (!window.confirm('确定删除本浏览器中的全部自查记录、工作清单和佐证材料吗？删除前请先导出台账（ZIP）备份。'))
      return;
    await (await loadFiles()).clearAll();
    localStorage.removeItem(RECORD_KEY);
    commit(emptyRecord());
    setUndo(null);
    setMessage('已删除本浏览器中的全部数据。');
  };

  return (
    <section aria-labelledby="tools" class="check-tools no-print">
      <h2 id="tools">保存与导出</h2>
      <p class="hint">
        记录和佐证材料只保存在本浏览器中，不会发送到任何地方。浏览器可能在清理数据或空间不足时删除网站数据，请定期导出台账（ZIP）备份。
        {persisted === true && '浏览器已同意长期保存本站数据。'}
      </p>
      <p class="tool-buttons">
        <button type="button" onClick={() => void exportZip()} disabled={busy}>
          导出台账（ZIP，含佐证材料）
        </button>
        <button type="button" onClick={() => void exportJson()}>
          导出记录（JSON）
        </button>
        <button type="button" onClick={() => void exportCsv()}>
          导出本年度表格（CSV）
        </button>
        <button type="button" onClick={() => window.print()}>
          打印自查表
        </button>
        <button type="button" onClick={resetYear} disabled={readOnly}>
          清空本年度
        </button>
      </p>
      <p>
        <label>
          导入记录（JSON 或 ZIP）
          <input
            type="file"
            accept=".json,.zip,application/json,application/zip"
            disabled={readOnly || busy}
            onChange={(e) => void readFile((e.target as HTMLInputElement).files?.[0])}
          />
        </label>
      </p>
      {importError && (
        <p class="notice notice-warning" role="alert">
          {importError}
        </p>
      )}
      {incoming && (
        <ImportPreview
          current={record}
          incoming={incoming.record}
          mode={incoming.mode}
          onMode={(mode) => setIncoming({ ...incoming, mode })}
          onConfirm={confirmImport}
          onCancel={cancelImport}
        />
      )}
      <p role="status" class="tool-status">
        {message}
        {undo && (
          <button
            type="button"
            onClick={() => {
              commit(undo);
              setUndo(null);
              setMessage('已撤销清空。');
            }}
          >
            撤销
          </button>
        )}
      </p>
      <Reminders planned={planned} year={year} today={today} unit={record.unit} />
      <p>
        <button type="button" class="danger" onClick={() => void clearAll()} disabled={readOnly || busy}>
          删除本浏览器中的全部数据
        </button>
      </p>
      <details>
        <summary>期限怎么算</summary>
        <p>“即将到期”指离期限结束不足 14 天。原文只写“年初”“每学期”等时，按下表计算；写明“中旬”等的，见日历页。</p>
        <table>
          <tbody>
            {PERIOD_TABLE.map((row) => (
              <tr key={row.name}>
                <th scope="row">{row.name}</th>
                <td>{row.days}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
