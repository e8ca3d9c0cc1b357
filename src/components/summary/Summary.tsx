/**
 * 汇总: several branches' exported ledgers opened at once and read side by side for a year. The files
 * are read in this browser only. The file field is rendered with the page (server-side), so it is
 * there before any script runs; files chosen before the script arrives are read as soon as it does.
 * The reading and counting code loads with the first file, the Excel writer with the first export.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SummaryFilter } from '../../lib/summary/aggregate';
import type { OpenedFile, OpenedLedger } from '../../lib/summary/open';
import { STATES } from '../../lib/summary/present';
import { DutyCounts } from './DutyCounts';
import { SummaryControls } from './SummaryControls';
import { SummaryDetail } from './SummaryDetail';
import { SummaryFiles } from './SummaryFiles';
import { UnitCounts } from './UnitCounts';

type LedgerReader = typeof import('./ledgerReader');
let reader: Promise<LedgerReader> | null = null;
function loadReader(): Promise<LedgerReader> {
  if (!reader)
    reader = import('./ledgerReader').catch((error: unknown) => {
      reader = null; // tried afresh on the next file
      throw error;
    });
  return reader;
}

const FIELD = 'ledger-files';

export default function Summary() {
  const field = useRef<HTMLInputElement>(null);
  const [loaded, setLoaded] = useState<LedgerReader | null>(null);
  const [files, setFiles] = useState<OpenedFile[]>([]);
  const [reading, setReading] = useState(0);
  const [failed, setFailed] = useState(false);
  const [year, setYear] = useState<number | null>(null);
  const [filter, setFilter] = useState<SummaryFilter>({ states: STATES, role: null, unit: null });

  async function open(list: FileList | null) {
    const chosen = [...(list ?? [])];
    if (chosen.length === 0) return;
    setReading((n) => n + chosen.length);
    setFailed(false);
    try {
      const e = await loadReader();
      setLoaded(e);
      const opened = await e.openFiles(chosen);
      setFiles((before) => [...before, ...opened]);
    } catch {
      setFailed(true);
    } finally {
      setReading((n) => n - chosen.length);
      // The same file can be chosen again (after it was removed, say).
      if (field.current) field.current.value = '';
    }
  }

  // Files chosen while the page's script was still on its way.
  useEffect(() => {
    void open(field.current?.files ?? null);
  }, []);

  const ledgers = useMemo(() => files.filter((f): f is OpenedLedger => f.ok), [files]);
  const today = loaded?.localToday() ?? '';
  const thisYear = Number(today.slice(0, 4));
  const years = useMemo(() => (loaded ? loaded.summaryYears(ledgers, thisYear) : []), [loaded, ledgers, thisYear]);
  const shownYear = year ?? (loaded ? loaded.defaultYear(ledgers, thisYear) : thisYear);
  const units = useMemo(() => (loaded ? loaded.summaryUnits(ledgers) : []), [loaded, ledgers]);
  const unitFilter = filter.unit !== null && filter.unit < ledgers.length ? filter.unit : null;
  const summary = useMemo(
    () =>
      loaded && ledgers.length > 0
        ? loaded.summarize(ledgers, shownYear, today, { ...filter, unit: unitFilter })
        : null,
    [loaded, ledgers, shownYear, today, filter, unitFilter],
  );

  const remove = (index: number) => {
    setFiles((before) => before.filter((_, i) => i !== index));
    setFilter((f) => ({ ...f, unit: null }));
  };

  return (
    <>
      <form class="summary-open no-print" onSubmit={(e) => e.preventDefault()}>
        <label for={FIELD}>选择台账文件（JSON 或 ZIP，可多选，可分几次添加）</label>
        <input
          ref={field}
          id={FIELD}
          type="file"
          multiple
          accept=".json,.zip,application/json,application/zip"
          aria-describedby="summary-privacy"
          onChange={(e) => void open((e.currentTarget as HTMLInputElement).files)}
        />
        <p id="summary-privacy" class="hint">
          文件只在本浏览器中读取和汇总，不会上传到任何地方；关闭页面后不会保留。
        </p>
        <p role="status" class="hint">
          {reading > 0
            ? `正在读取 ${reading} 个文件……`
            : failed
              ? '未能载入汇总功能（可能已离线），请联网后刷新再试。'
              : files.length > 0
                ? `已打开 ${files.length} 个文件${files.length > ledgers.length ? `，其中 ${files.length - ledgers.length} 个未能采用` : ''}。`
                : ''}
        </p>
      </form>
      {files.length > 0 && loaded && (
        <SummaryFiles files={files} duplicates={loaded.sameUnitFiles(ledgers)} onRemove={remove} />
      )}
      {summary && loaded && (
        <>
          <SummaryControls
            summary={summary}
            files={files}
            years={years}
            year={shownYear}
            units={units}
            roles={loaded.summaryRoles(ledgers)}
            filter={{ ...filter, unit: unitFilter }}
            onYear={setYear}
            onFilter={setFilter}
          />
          <UnitCounts summary={summary} />
          <DutyCounts summary={summary} />
          <SummaryDetail summary={summary} />
        </>
      )}
    </>
  );
}
