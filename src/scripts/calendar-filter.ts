import { matchesDuty } from '../lib/filter';
import { pagePath } from '../lib/url';
import { bindUrlFilter } from './url-filter';

/**
 * Filters the calendar by document and role; the choice lives in the URL, and
 * the .ics link follows it (to the file for that document and role, when one
 * with dated duties exists). A calendar on several pages lists on each the
 * documents it holds: opened with ?doc= for another page's document, it goes
 * to that page, and its page links keep the role chosen.
 */
const form = document.querySelector<HTMLFormElement>('form.calendar-filters');
const status = document.querySelector<HTMLElement>('#calendar-status');
const link = document.querySelector<HTMLAnchorElement>('#ics-link');
const note = document.querySelector<HTMLElement>('#ics-note');
const subscribeUrl = document.querySelector<HTMLElement>('#ics-url');
// The address as built (SITE_URL), so a filtered file is offered on the same host.
const siteIcsUrl = subscribeUrl?.textContent ?? '';
const sections = [...document.querySelectorAll<HTMLElement>('[data-section]')];
const pageLinks = [...document.querySelectorAll<HTMLAnchorElement>('.pagination a')].map((a) => ({
  a,
  path: a.getAttribute('href') ?? '',
}));

function bind(form: HTMLFormElement, status: HTMLElement, link: HTMLAnchorElement, note: HTMLElement) {
  const doc = form.elements.namedItem('doc') as HTMLSelectElement;
  const role = form.elements.namedItem('role') as HTMLSelectElement;
  const files = new Set((link.dataset.files ?? '').split(' '));
  const allHref = link.getAttribute('href') ?? '';
  const noteText = note.textContent ?? '';
  const pages = Number(form.dataset.pages);
  const totals = JSON.parse(status.dataset.totals ?? '{}') as Record<string, number>;

  const apply = () => {
    const filter = { doc: doc.value, role: role.value };
    const ids = new Set<string>();
    for (const section of sections) {
      let shown = 0;
      for (const item of section.querySelectorAll<HTMLLIElement>('li[data-doc]')) {
        const visible = matchesDuty(
          { document: item.dataset.doc ?? '', roles: (item.dataset.roles ?? '').split(' ') },
          filter,
        );
        item.hidden = !visible;
        if (visible) {
          shown += 1;
          ids.add(item.dataset.duty ?? '');
        }
      }
      const empty = section.querySelector<HTMLElement>('.empty');
      if (empty) empty.hidden = shown > 0;
    }
    const chosen = [
      filter.doc && `文件：${doc.selectedOptions[0]?.textContent ?? ''}`,
      filter.role && `角色：${role.selectedOptions[0]?.textContent ?? ''}`,
    ].filter(Boolean);
    const count =
      pages > 1
        ? `本页共 ${ids.size} 项工作${filter.doc ? '' : `，全部 ${pages} 页共 ${totals[filter.role] ?? 0} 项`}`
        : `共 ${ids.size} 项工作`;
    status.textContent = chosen.length ? `${chosen.join('；')}。${count}` : count;
    // Another page holds other documents: only the role goes along.
    for (const { a, path } of pageLinks)
      a.href = filter.role ? `${path}?role=${encodeURIComponent(filter.role)}` : path;

    const key = `${filter.doc || 'all'}/${filter.role || 'all'}`;
    const available = files.has(key);
    link.hidden = !available;
    link.href = key === 'all/all' ? allHref : `${link.dataset.base}${key}.ics`;
    note.textContent = available ? noteText : '所选范围内没有写明月份的工作，没有可导入日历的事项。';
    if (subscribeUrl)
      subscribeUrl.textContent = available ? new URL(link.getAttribute('href') ?? '', siteIcsUrl).href : '—';
  };

  bindUrlFilter(form, ['doc', 'role'], apply);
}

/** The page holding a document this page does not, when the calendar has several pages. */
async function pageHolding(form: HTMLFormElement, slug: string): Promise<number | undefined> {
  const response = await fetch(form.dataset.index ?? '');
  if (!response.ok) return undefined;
  const pageOf = (await response.json()) as Record<string, number>;
  return pageOf[slug];
}

if (form && status && link && note) {
  const wanted = new URLSearchParams(window.location.search).get('doc');
  const select = form.elements.namedItem('doc') as HTMLSelectElement;
  const here = [...select.options].some((option) => option.value === wanted);
  if (wanted && !here && Number(form.dataset.pages) > 1) {
    pageHolding(form, wanted)
      .catch(() => undefined)
      .then((page) => {
        if (page && page !== Number(form.dataset.page)) {
          const first = form.dataset.first ?? '';
          window.location.replace(`${pagePath(first, page)}${window.location.search}${window.location.hash}`);
        } else bind(form, status, link, note);
      });
  } else bind(form, status, link, note);
}
