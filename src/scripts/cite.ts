import { formatCitation } from '../lib/citation';

/** "复制引用": puts 《title》 + locator + clause text + URL on the clipboard. */
function clauseText(clause: HTMLElement): string {
  const copy = clause.cloneNode(true) as HTMLElement;
  // The 校 / 原文如此 marks stay in the citation, bracketed; the notes that explain them do not.
  copy.querySelectorAll('sup[data-ed]').forEach((mark) => mark.replaceWith(`〔${mark.textContent?.trim()}〕`));
  copy.querySelectorAll('[data-ed], .clause').forEach((node) => node.remove());
  // A table row: its cells, set apart.
  if (copy instanceof HTMLTableRowElement)
    return [...copy.cells]
      .map((cell) => cell.textContent?.trim() ?? '')
      .filter(Boolean)
      .join(' ');
  return copy.textContent ?? '';
}

function announce(message: string) {
  let toast = document.querySelector<HTMLElement>('.toast');
  if (!toast) {
    toast = document.createElement('p');
    toast.className = 'toast';
    toast.setAttribute('role', 'status');
    document.body.append(toast);
  }
  toast.textContent = message;
  window.setTimeout(() => toast?.remove(), 2500);
}

document.addEventListener('click', async (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>('button[data-cite]');
  if (!button) return;
  const clause = document.getElementById(button.dataset.cite ?? '');
  if (!clause) return;
  const url = new URL(`#${clause.id}`, window.location.href).href;
  const citation = formatCitation({
    title: clause.closest<HTMLElement>('[data-doc-title]')?.dataset.docTitle ?? document.title,
    locator: button.dataset.loc ?? '',
    text: clauseText(clause),
    url,
  });
  try {
    await navigator.clipboard.writeText(citation);
    announce('引用已复制');
  } catch {
    window.prompt('请手动复制以下引用：', citation);
  }
});
