import type { APIRoute, GetStaticPaths } from 'astro';
import { getSearchFiles } from '../../data/search';

/** Every search file (manifest, postings shards, text chunks …; see src/lib/search/layout.ts). */
export const getStaticPaths = (async () =>
  [...(await getSearchFiles()).files.keys()].map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const content = (await getSearchFiles()).files.get(params.file ?? '');
  if (content === undefined) return new Response(null, { status: 404 });
  const binary = typeof content !== 'string';
  return new Response(binary ? content.slice().buffer : content, {
    headers: { 'Content-Type': binary ? 'application/octet-stream' : 'application/json' },
  });
};
