import type { APIRoute, GetStaticPaths } from 'astro';
import { ALL, hasEvents, icsResponse, matches } from '../../../data/calendar';
import { getObligationData } from '../../../data/obligations';

/** One file per document × role (either may be "all") that has at least one dated duty. */
export const getStaticPaths = (async () => {
  const { obligations, roles } = await getObligationData();
  const docs = [ALL, ...new Set(obligations.map((o) => o.document))];
  return docs.flatMap((doc) =>
    [ALL, ...roles.map((r) => r.id)]
      .filter((role) => obligations.some((o) => matches(o, doc, role) && hasEvents(o)))
      .map((role) => ({ params: { doc, role } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const { obligations, roles } = await getObligationData();
  const doc = params.doc ?? ALL;
  const role = params.role ?? ALL;
  const docTitle = obligations.find((o) => o.document === doc)?.docTitle;
  const roleName = roles.find((r) => r.id === role)?.name;
  const label = ['责任制手册：定期工作', docTitle, roleName].filter(Boolean).join(' · ');
  return icsResponse(
    obligations.filter((o) => matches(o, doc, role)),
    site,
    label,
  );
};
