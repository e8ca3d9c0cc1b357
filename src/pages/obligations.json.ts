import type { APIRoute } from 'astro';
import { getObligationData } from '../data/obligations';
import { getDocuments } from '../data/documents';
import { withBase } from '../lib/url';
import { docPath } from '../lib/url';
import { obligationsFileSchema } from '../schemas/obligationsFile';

export const GET: APIRoute = async ({ site }) => {
  const root = new URL(withBase(import.meta.env.BASE_URL, ''), site).href;
  const absolute = (path: string) => new URL(path, root).href;
  const [{ obligations, definitions, roles }, documents] = await Promise.all([getObligationData(), getDocuments()]);
  const file = obligationsFileSchema.parse({
    version: 1,
    site: root,
    roles: roles.map(({ id, name, group, description }) => ({
      id,
      name,
      group,
      ...(description ? { description } : {}),
      url: absolute(`roles/${id}/`),
    })),
    documents: documents.map((d) => ({
      slug: d.slug,
      docId: d.data.docId,
      title: d.data.title,
      bodyType: d.data.bodyType,
      url: absolute(docPath(d.slug)),
    })),
    roleDefinitions: definitions.map(({ role, printed, clause, quote, document, locator, path }) => ({
      role,
      printed,
      clause,
      quote,
      document,
      locator,
      url: absolute(path),
    })),
    obligations: obligations.map(
      ({
        id,
        clause,
        quote,
        roles: tags,
        printedRole,
        duty,
        cadence,
        related,
        note,
        document,
        locator,
        path,
        cadenceText,
      }) => ({
        id,
        document,
        clause,
        locator,
        url: absolute(path),
        quote,
        roles: tags,
        printedRole,
        duty,
        cadence,
        cadenceText,
        ...(related ? { related } : {}),
        ...(note ? { note } : {}),
      }),
    ),
  });
  return new Response(JSON.stringify(file, null, 1), { headers: { 'Content-Type': 'application/json' } });
};
