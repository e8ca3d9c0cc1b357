/** The files opened: what each holds, why one was not used, and units that more than one file claims. */
import type { OpenedFile } from '../../lib/summary/open';

interface Props {
  files: readonly OpenedFile[];
  duplicates: readonly { name: string; files: string[] }[];
  onRemove(index: number): void;
}

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const exported = (iso: string) => {
  const at = new Date(iso);
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
};

function evidenceText(file: Extract<OpenedFile, { ok: true }>): string {
  const { files, bytes, included, missing } = file.evidence;
  if (files === 0) return '无';
  const base = `${files} 个，${size(bytes)}`;
  if (!included) return `${base}（JSON 只记名称，不含文件本身）`;
  return missing.length ? `${base}；ZIP 中缺少：${missing.join('、')}` : base;
}

export function SummaryFiles({ files, duplicates, onRemove }: Props) {
  return (
    <section class="summary-files" aria-labelledby="summary-files">
      <h2 id="summary-files">已打开的文件</h2>
      {duplicates.length > 0 && (
        <div class="notice" role="alert">
          <p>同一单位有不止一个文件，各自单独列出，没有合并：</p>
          <ul>
            {duplicates.map((d) => (
              <li key={d.name}>
                {d.name}：{d.files.join('、')}
              </li>
            ))}
          </ul>
          <p>如果只应计入其中一份（例如较新的一份），请移除另一份。</p>
        </div>
      )}
      <div class="table-scroll" role="region" aria-labelledby="summary-files" tabindex={0}>
        <table aria-labelledby="summary-files">
          <thead>
            <tr>
              <th scope="col">文件</th>
              <th scope="col">单位</th>
              <th scope="col">导出日期</th>
              <th scope="col">工作</th>
              <th scope="col">佐证材料</th>
              <th scope="col" class="no-print">
                操作
              </th>
            </tr>
          </thead>
          <tbody>
            {files.map((file, index) => (
              <tr key={`${index}-${file.name}`} class={file.ok ? undefined : 'refused'}>
                <th scope="row">{file.name}</th>
                {file.ok ? (
                  <>
                    <td>{file.ledger.record.unit || '（未填单位名称）'}</td>
                    <td>{exported(file.ledger.exportedAt)}</td>
                    <td>{file.ledger.duties.length} 项</td>
                    <td>{evidenceText(file)}</td>
                  </>
                ) : (
                  <td colSpan={4}>
                    <strong>未采用：</strong>
                    {file.message}
                  </td>
                )}
                <td class="no-print">
                  <button type="button" aria-label={`移除 ${file.name}`} onClick={() => onRemove(index)}>
                    移除
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
