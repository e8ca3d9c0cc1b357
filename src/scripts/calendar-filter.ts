import { matchesDuty } from '../lib/filter';
import { bindUrlFilter } from './url-filter';

/**
 * Filters the calendar by document and role; the choice lives in the URL, and
 * the .ics link follows it (to the file for that document and role, when one
 * with dated duties exists).
 */
const form = document.querySelector<HTMLFormElement>('form.calendar-filters');
const status = document.querySelector<HTMLElement>('#calendar-status');
const link = document.querySelector<HTMLAnchorElement>('#ics-link');
const note = document.querySelector<HTMLElement>('#ics-note');
const subscribeUrl = document.querySelector<HTMLElement>('#ics-url');
// The address as built (SITE_URL), so a filtered file is offered on the same host.
const siteIcsUrl = subscribeUrl?.textContent ?? '';
const sections = [...document.querySelectorAll<HTMLElement>('[data-section]')];

if (form && status && link && note) {
  const doc = form.elements.namedItem('doc') as HTMLSelectElement;
  const role = form.elements.namedItem('role') as HTMLSelectElement;
  const files = new Set((link.dataset.files ?? '').split(' '));
  const allHref = link.getAttribute('href') ?? '';
  const noteText = note.textContent ?? '';

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
    status.textContent = chosen.length ? `${chosen.join('；')}。共 ${ids.size} 项工作` : `共 ${ids.size} 项工作`;

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
