/** Joins the site's base path (e.g. "/zerenzhi/") and a site path ("docs/x/"). */
export function withBase(base: string, path: string): string {
  const head = base.endsWith('/') ? base : `${base}/`;
  return `${head}${path.replace(/^\/+/, '')}`;
}

export function docPath(slug: string, clauseId?: string): string {
  return `docs/${slug}/${clauseId ? `#${clauseId}` : ''}`;
}

/** The document as a Word file (src/pages/docs/[slug].docx.ts). */
export function wordPath(slug: string): string {
  return `docs/${slug}.docx`;
}

/** Page `n` (1-based) of a list cut into pages whose first page is at `first` ("roles/x/" → "roles/x/2/"). */
export const pagePath = (first: string, n: number) => (n === 1 ? first : `${first}${n}/`);
