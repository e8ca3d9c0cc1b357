import { formatCitation, parseCitationOptions, rowText, type CitationOptions } from '../lib/citation';

/** "复制引用": puts 《title》 + locator + clause text (+ issuer and year, + URL, as chosen) on the clipboard. */
const OPTIONS_KEY = 'zerenzhi:cite-options';

/** Storage may be refused (private mode, blocked site data): the choice then lasts as long as the page. */
function readStored(): string | null {
  try {
    return window.localStorage.getItem(OPTIONS_KEY);
  } catch {
    return null;
  }
}

function store(options: CitationOptions) {
  try {
    window.localStorage.setItem(OPTIONS_KEY, JSON.stringify(options));
  } catch {
    // Not kept; the page still copies with the choice made.
  }
}

const optionsForm = document.querySelector<HTMLFieldSetElement>('fieldset.cite-options');
const checkbox = (name: keyof CitationOptions) =>
  optionsForm?.querySelector<HTMLInputElement>(`input[name="${name}"]`) ?? null;
let options = parseCitationOptions(readStored());

for (const name of ['issuerAndYear', 'url'] as const) {
  const input = checkbox(name);
  if (!input) continue;
  input.checked = options[name];
  input.addEventListener('change', () => {
    options = { ...options, [name]: input.checked };
    store(options);
  });
}

function clauseText(clause: HTMLElement, locator: string): string {
  const copy = clause.cloneNode(true) as HTMLElement;
  // The printed number is in the locator already.
  copy.querySelector(':scope > .num')?.remove();
  // The 校 / 原文如此 marks stay in the citation, bracketed; the notes that explain them do not.
  copy.querySelectorAll('sup[data-ed]').forEach((mark) => mark.replaceWith(`〔${mark.textContent?.trim()}〕`));
  copy.querySelectorAll('[data-ed], .clause').forEach((node) => node.remove());
  if (copy instanceof HTMLTableRowElement)
    return rowText(
      locator,
      [...copy.cells].map((cell) => cell.textContent ?? ''),
    );
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
  const doc = clause.closest<HTMLElement>('[data-doc-title]')?.dataset ?? {};
  const locator = button.dataset.loc ?? '';
  const citation = formatCitation(
    {
      title: doc.docTitle ?? document.title,
      issuer: doc.docIssuer ?? '',
      year: doc.docYear ? Number(doc.docYear) : null,
      locator,
      text: clauseText(clause, locator),
      url: new URL(`#${clause.id}`, window.location.href).href,
    },
    options,
  );
  try {
    await navigator.clipboard.writeText(citation);
    announce('引用已复制');
  } catch {
    window.prompt('请手动复制以下引用：', citation);
  }
});
