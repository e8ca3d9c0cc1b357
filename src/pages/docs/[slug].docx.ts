import type { APIRoute, GetStaticPaths } from 'astro';
import { getDocuments, type PublishedDocument } from '../../data/documents';
import { wordFile } from '../../lib/docx/wordDocument';
import { docPath, withBase } from '../../lib/url';

export const getStaticPaths = (async () =>
  (await getDocuments()).map((document) => ({
    params: { slug: document.slug },
    props: { document },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ document: PublishedDocument }> = async ({ props: { document }, site }) => {
  const url = (path: string) => new URL(withBase(import.meta.env.BASE_URL, path), site).href;
  const bytes = await wordFile({
    data: document.data,
    model: document.model,
    pageUrl: url(docPath(document.slug)),
    aboutUrl: url('about/'),
  });
  return new Response(bytes, {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  });
};
