/**
 * 佐证材料 of one occurrence: photos, PDF, Word, Excel … kept in this
 * browser's IndexedDB (never sent anywhere). Thumbnails of images and the
 * open/download links are object URLs, revoked when the panel closes.
 */
import { useContext, useEffect, useState } from 'preact/hooks';
import { addEvidence, removeEvidence } from '../../lib/checklist/edit';
import { FILE_MAX, type EvidenceRef } from '../../lib/checklist/record';
import { sha256Hex } from '../../lib/checklist/zip';
import { LedgerContext } from './context';
import { evidenceStore, megabytes, storageEstimate } from './evidenceStore';

const ACCEPT = 'image/*,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.wps,.et,.dps,.ofd,.txt';
const KINDS = /\.(jpe?g|png|gif|webp|heic|bmp|pdf|docx?|xlsx?|pptx?|wps|et|dps|ofd|txt)$/i;

interface Props {
  tickKey: string;
  year: number;
  /** The duty and occurrence, for labels. */
  label: string;
}

export function Evidence({ tickKey, year, label }: Props) {
  const ledger = useContext(LedgerContext);
  const refs: EvidenceRef[] = ledger?.record.years[String(year)]?.evidence[tickKey] ?? [];
  const [urls, setUrls] = useState<Record<string, string | null>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [space, setSpace] = useState<{ usage: number; quota: number } | null>(null);
  const key = refs.map((r) => r.sha256).join();

  useEffect(() => {
    let live = true;
    const made: string[] = [];
    void Promise.all(
      refs.map(async (ref) => {
        const blob = await evidenceStore.get(ref.sha256).catch(() => undefined);
        const url = blob ? URL.createObjectURL(blob) : null;
        if (url) made.push(url);
        return [ref.sha256, url] as const;
      }),
    ).then((pairs) => live && setUrls(Object.fromEntries(pairs)));
    void storageEstimate().then((estimate) => live && setSpace(estimate));
    return () => {
      live = false;
      for (const url of made) URL.revokeObjectURL(url);
    };
  }, [key]);

  if (!ledger) return null;
  const add = async (list: FileList | null) => {
    setMessage(null);
    const added: EvidenceRef[] = [];
    const refused: string[] = [];
    for (const file of Array.from(list ?? [])) {
      if (!KINDS.test(file.name) && !file.type.startsWith('image/')) {
        refused.push(`「${file.name}」不是照片、PDF、Word、Excel 等材料文件，未添加。`);
        continue;
      }
      if (file.size > FILE_MAX) {
        refused.push(
          `「${file.name}」有 ${megabytes(file.size)}，超过单个文件 ${megabytes(FILE_MAX)} 的上限，未添加。`,
        );
        continue;
      }
      const estimate = await storageEstimate();
      if (estimate && estimate.quota - estimate.usage < file.size) {
        refused.push(`浏览器的存储空间不足，「${file.name}」未添加。`);
        continue;
      }
      try {
        const sha256 = await sha256Hex(new Uint8Array(await file.arrayBuffer()));
        await evidenceStore.put(sha256, file);
        const type = file.type.slice(0, 200);
        added.push({ sha256, name: file.name.slice(0, 255), type, size: file.size, added: new Date().toISOString() });
      } catch (error) {
        const full = error instanceof Error && error.name === 'QuotaExceededError';
        refused.push(`「${file.name}」未能保存（${full ? '浏览器存储空间已满' : '浏览器拒绝写入'}），未添加。`);
      }
    }
    if (added.length) ledger.change((r) => addEvidence(r, year, tickKey, added));
    setMessage([added.length ? `已添加 ${added.length} 个文件。` : '', ...refused].join(''));
    setSpace(await storageEstimate());
  };
  const remove = (ref: EvidenceRef) => {
    if (!window.confirm(`确定删除佐证材料「${ref.name}」吗？`)) return;
    ledger.change((r) => removeEvidence(r, year, tickKey, ref.sha256));
    setMessage(`已删除「${ref.name}」。`);
  };
  return (
    <div class="evidence" role="group" aria-label={`佐证材料：${label}`}>
      {refs.length > 0 && (
        <ul class="evidence-files">
          {refs.map((ref) => {
            const url = urls[ref.sha256];
            return (
              <li key={ref.sha256}>
                {url && ref.type.startsWith('image/') && <img src={url} alt="" width={64} height={64} />}
                <span class="evidence-name">
                  {ref.name}（{megabytes(ref.size)}）
                </span>
                {url === null && <span class="field-error">文件不在本浏览器中</span>}
                {url && (
                  <>
                    <a href={url} target="_blank" rel="noopener">
                      打开<span class="visually-hidden">{ref.name}</span>
                    </a>
                    <a href={url} download={ref.name}>
                      下载<span class="visually-hidden">{ref.name}</span>
                    </a>
                  </>
                )}
                {!ledger.readOnly && (
                  <button type="button" class="link-button" onClick={() => remove(ref)}>
                    删除<span class="visually-hidden">{ref.name}</span>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {!ledger.readOnly && (
        <label class="evidence-add">
          添加佐证材料<span class="visually-hidden">（{label}）</span>
          <input
            type="file"
            multiple
            accept={ACCEPT}
            onChange={(e) => void add((e.target as HTMLInputElement).files)}
          />
        </label>
      )}
      <p class="hint">
        照片、PDF、Word、Excel 等，单个文件不超过 {megabytes(FILE_MAX)}；只保存在本浏览器中。
        {space && `本站已用 ${megabytes(space.usage)}，可用约 ${megabytes(space.quota - space.usage)}。`}
      </p>
      <p role="status" class="tool-status">
        {message}
      </p>
    </div>
  );
}
