/**
 * What the page must say before anything else: stored data kept aside or
 * read-only, storage refused or full, a link's view, documents that could not
 * be loaded (offline).
 */
import type { LoadProblem } from '../../lib/checklist/record';
import type { StoreMode } from '../../lib/checklist/store';
import { download } from './browser';

const MODE_NOTICES: Record<StoreMode, string | null> = {
  persistent: null,
  memory: '这个浏览器不允许本站保存数据（例如隐私浏览模式）。本页的勾选只在关闭页面前有效，请用“导出记录”保存。',
  'read-only': '为了不覆盖原有数据，本页现在只读：修改不会保存。',
};

interface Props {
  problem: LoadProblem | null;
  mode: StoreMode;
  saveError: string | null;
  /** Titles of the documents whose duties could not be fetched. */
  failed: string[];
  onRetry(): void;
  /** Shown while a link's choice is on view: adopt it (null when the unit keeps its own list), or go back. */
  linked: { adopt: (() => void) | null; back: (() => void) | null } | null;
}

export function Notices({ problem, mode, saveError, failed, onRetry, linked }: Props) {
  const modeNotice = MODE_NOTICES[mode];
  return (
    <>
      {(problem || modeNotice || saveError) && (
        <div class="notice notice-warning" role="alert">
          {problem && (
            <p>
              {problem.message}
              {problem.kind !== 'newer' && '原数据已另存为备份，本页从空白记录开始。'}
              <button type="button" onClick={() => download('责任制自查-原数据.txt', problem.raw, 'text/plain')}>
                下载原数据
              </button>
            </p>
          )}
          {modeNotice && <p>{modeNotice}</p>}
          {saveError && <p>{saveError}</p>}
        </div>
      )}
      {linked && (
        <div class="notice no-print" role="status">
          <p>
            本页按链接显示所选的文件和角色，你保存的选择没有改动（勾选照常保存）。
            {linked.adopt && (
              <button type="button" onClick={linked.adopt}>
                改为我的选择
              </button>
            )}
            {linked.back && (
              <button type="button" onClick={linked.back}>
                回到我保存的选择
              </button>
            )}
          </p>
        </div>
      )}
      {failed.length > 0 && (
        <div class="notice notice-warning" role="alert">
          <p>
            未能载入{failed.map((title) => `《${title}》`).join('')}的工作（可能已离线，且此前没有在本浏览器中打开过）。
            <button type="button" onClick={onRetry}>
              重试
            </button>
          </p>
        </div>
      )}
    </>
  );
}
