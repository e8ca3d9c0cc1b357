/**
 * A filter form whose choice lives in the URL: its selects start from the
 * query string, and every change (or reset) runs `apply` and writes the
 * non-empty choices back with replaceState, so a filtered page can be
 * reloaded, bookmarked and shared. Shared by the home page and the calendar.
 */
export function bindUrlFilter(form: HTMLFormElement, params: readonly string[], apply: () => void) {
  const selects = params.map((name) => [name, form.elements.namedItem(name) as HTMLSelectElement] as const);
  const query = new URLSearchParams(window.location.search);
  for (const [name, select] of selects) select.value = query.get(name) ?? '';

  const run = () => {
    apply();
    const next = new URLSearchParams();
    for (const [name, select] of selects) if (select.value) next.set(name, select.value);
    const search = next.toString();
    history.replaceState(null, '', search ? `?${search}` : window.location.pathname);
  };
  form.addEventListener('change', run);
  form.addEventListener('reset', () => window.setTimeout(run));
  form.addEventListener('submit', (event) => event.preventDefault());
  run();
}
