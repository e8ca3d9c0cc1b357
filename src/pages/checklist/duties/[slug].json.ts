/** One document's duties and accountability circumstances for the self-check, fetched when it is chosen. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDocumentDuties, type DocumentDuties } from '../../../data/checklist';

export const getStaticPaths = (async () =>
  [...(await getDocumentDuties()).values()].map((duties) => ({
    params: { slug: duties.document },
    props: { duties },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ duties: DocumentDuties }> = ({ props }) =>
  new Response(JSON.stringify(props.duties), { headers: { 'Content-Type': 'application/json' } });
