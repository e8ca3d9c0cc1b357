import { matchesFilter } from '../lib/filter';
import { bindUrlFilter } from './url-filter';

/** Filters the home page's document list by body type and kind; the choice lives in the URL. */
const form = document.querySelector<HTMLFormElement>('form.filters');
const items = [...document.querySelectorAll<HTMLLIElement>('.doc-list > li')];
const status = document.querySelector<HTMLElement>('#filter-status');

if (form && status) {
  const bodyType = form.elements.namedItem('type') as HTMLSelectElement;
  const kind = form.elements.namedItem('kind') as HTMLSelectElement;

  const apply = () => {
    const filter = { bodyType: bodyType.value, kind: kind.value };
    let shown = 0;
    for (const item of items) {
      const visible = matchesFilter({ bodyType: item.dataset.bodyType ?? '', kind: item.dataset.kind ?? '' }, filter);
      item.hidden = !visible;
      if (visible) shown += 1;
    }
    status.textContent =
      shown === items.length
        ? `共 ${items.length} 篇文件`
        : shown === 0
          ? `没有同时符合这两项的文件（共 ${items.length} 篇）：请改选其中一项，或清除筛选。`
          : `显示 ${shown} / ${items.length} 篇文件`;
  };

  bindUrlFilter(form, ['type', 'kind'], apply);
}
