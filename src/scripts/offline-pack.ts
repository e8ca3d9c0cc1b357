/**
 * The 下载离线包 button (components/OfflinePack.astro). The pack's list is read when the section comes into view,
 * so the button can say how large it is before anything is downloaded; each file is fetched through the service
 * worker, which keeps it. What is already kept counts as done, so a second press fetches only the rest.
 */
import { fetchAll, formatSize, isOfflinePack, missingFiles, type OfflinePack } from '../lib/offlinePack';

const TEXT = {
  button: (size: string) => `下载离线包（约 ${size}）`,
  kept: (done: number, total: number) => `已保存在本机：${done} / ${total} 个文件。`,
  complete: (total: number, size: string) =>
    `离线包已下载：全部 ${total} 个文件（${size}）已保存在本机，断网时也能打开。`,
  progress: (done: number, total: number) => `正在下载：${done} / ${total}……`,
  failed: (failed: number) => `有 ${failed} 个文件未能下载（网络中断或存储空间不足），可再按一次继续。`,
  noWorker: '这个浏览器不能保存离线包（不支持离线功能，或处于隐私浏览模式）。打开过的页面仍可能保留在浏览器缓存中。',
  notYet: '离线功能正在启用，请稍候或刷新页面后再下载。',
  listFailed: '未能读取离线包的文件清单，请联网后再试。',
  offline: '现在没有网络：联网后可以下载离线包。',
};

/** Kept by this version of the site (the worker's cache is named after the pack's version; an older copy does not count). */
const keptBy = (version: string) => async (url: string) =>
  (await (await caches.open(`zerenzhi-${version}`)).match(url, { ignoreVary: true })) !== undefined;

function setUp(section: HTMLElement) {
  const button = section.querySelector<HTMLButtonElement>('[data-pack-start]');
  const status = section.querySelector<HTMLElement>('[data-pack-status]');
  const bar = section.querySelector<HTMLProgressElement>('[data-pack-progress]');
  const packUrl = section.dataset.packUrl;
  if (!button || !status || !bar || !packUrl) return;
  if (!('serviceWorker' in navigator) || !('caches' in window)) {
    button.disabled = true;
    status.textContent = TEXT.noWorker;
    return;
  }
  let pack: OfflinePack | undefined;
  const load = async () => {
    if (pack) return pack;
    const response = await fetch(packUrl, { cache: 'no-cache' });
    const value: unknown = await response.json();
    if (!isOfflinePack(value)) throw new Error('not a pack');
    pack = value;
    button.textContent = TEXT.button(formatSize(value.bytes));
    const missing = await missingFiles(value, keptBy(value.version));
    status.textContent =
      missing.length === 0
        ? TEXT.complete(value.files.length, formatSize(value.bytes))
        : TEXT.kept(value.files.length - missing.length, value.files.length);
    return value;
  };
  const show = () => {
    // Offline the list cannot be read (it is not kept ahead): say so, and read it once the network is back.
    if (!navigator.onLine) {
      status.textContent = TEXT.offline;
      window.addEventListener('online', show, { once: true });
      return;
    }
    void load().catch(() => (status.textContent = TEXT.listFailed));
  };
  new IntersectionObserver((entries, observer) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      observer.disconnect();
      show();
    }
  }).observe(section);

  button.addEventListener('click', async () => {
    if (!navigator.serviceWorker.controller) {
      status.textContent = TEXT.notYet;
      return;
    }
    button.disabled = true;
    try {
      const current = await load();
      const missing = await missingFiles(current, keptBy(current.version));
      const total = current.files.length;
      const already = total - missing.length;
      bar.hidden = false;
      bar.max = total;
      bar.value = already;
      const result = await fetchAll(
        missing,
        async (url) => (await fetch(url, { credentials: 'same-origin' })).ok,
        (progress) => {
          bar.value = already + progress.done;
          status.textContent = TEXT.progress(already + progress.done, total);
        },
      );
      status.textContent =
        result.failed > 0
          ? `${TEXT.kept(already + result.done, total)}${TEXT.failed(result.failed)}`
          : TEXT.complete(total, formatSize(current.bytes));
    } catch {
      status.textContent = TEXT.listFailed;
    } finally {
      button.disabled = false;
    }
  });
}

document.querySelectorAll<HTMLElement>('.offline-pack').forEach(setUp);
