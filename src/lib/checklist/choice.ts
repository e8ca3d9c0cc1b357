/**
 * The choice on the self-check (documents, roles, year) as a query string,
 * so a view can be bookmarked and shared: ?doc=a&doc=b&role=x&year=2026.
 * Names as on the calendar page (doc, role).
 */
export interface UrlChoice {
  /** null: the URL names none. */
  documents: string[] | null;
  roles: string[] | null;
  year: number | null;
}

const YEAR = /^\d{4}$/;

export function parseChoice(search: string): UrlChoice {
  const query = new URLSearchParams(search);
  const list = (name: string) => {
    const values = query.getAll(name).filter((value) => value !== '' && value.length <= 100);
    return values.length > 0 ? [...new Set(values)] : null;
  };
  const year = query.get('year') ?? '';
  return { documents: list('doc'), roles: list('role'), year: YEAR.test(year) ? Number(year) : null };
}

/** The query string of a choice (documents and roles when chosen; the year always). */
export function choiceSearch(documents: readonly string[] | null, roles: readonly string[], year: number): string {
  const query = new URLSearchParams();
  for (const document of documents ?? []) query.append('doc', document);
  for (const role of roles) query.append('role', role);
  query.set('year', String(year));
  return `?${query.toString()}`;
}
