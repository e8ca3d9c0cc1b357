/**
 * What the self-check needs, computed once at build from the obligations and
 * documents: the page carries the list of documents and roles; each
 * document's duties and accountability circumstances are a file of their own
 * (/checklist/duties/<slug>.json), fetched when the document is chosen, so the
 * page stays small however large the corpus grows.
 */
import { getCollection } from 'astro:content';
import type { ChecklistDuty } from '../lib/checklist/plan';
import { docPath } from '../lib/url';
import { getDocuments } from './documents';
import { getObligationData } from './obligations';

export interface AccountabilityItem {
  /** `<document>#<clause>`, the key in the record. */
  key: string;
  document: string;
  /** The heading the circumstance is listed under, as printed (e.g. （一）党组织…). */
  group: string;
  locator: string;
  text: string;
  path: string;
}

/** /checklist/duties/<slug>.json */
export interface DocumentDuties {
  document: string;
  duties: ChecklistDuty[];
  accountability: AccountabilityItem[];
}

export interface ChecklistDocument {
  slug: string;
  title: string;
  bodyType: string;
  duties: number;
}

export interface ChecklistData {
  documents: ChecklistDocument[];
  roles: { id: string; name: string }[];
  /** The most complete school document: what a first visitor sees. */
  defaultDocument: string;
  /** Its duties, in the page itself: a first visit (and one offline) needs no fetch. */
  defaultDuties: DocumentDuties | null;
}

let cache: Promise<{ data: ChecklistData; byDocument: Map<string, DocumentDuties> }> | undefined;

async function build() {
  const [{ obligations, roles }, documents, files] = await Promise.all([
    getObligationData(),
    getDocuments(),
    getCollection('obligations'),
  ]);
  const byDocument = new Map<string, DocumentDuties>();
  for (const d of documents) {
    const duties: ChecklistDuty[] = obligations
      .filter((o) => o.document === d.slug)
      .map((o) => ({
        id: o.id,
        source: 'published',
        document: o.document,
        docTitle: o.docTitle,
        locator: o.locator,
        path: o.path,
        duty: o.duty,
        cadence: o.cadence,
        cadenceText: o.cadenceText,
        roles: o.roles,
        printedRole: o.printedRole,
        citation: null,
      }));
    const headings = files.find((f) => f.data.document === d.slug)?.data.accountability ?? [];
    const under = (id: string | null): boolean => {
      const block = d.model.blocks.find((b) => b.id === id);
      return !!block && (headings.includes(block.id) || under(block.parentId));
    };
    const accountability = d.model.blocks
      .filter((b) => b.kind === 'clause' && under(b.parentId))
      .map((b) => ({
        key: `${d.slug}#${b.id}`,
        document: d.slug,
        group: d.model.blocks.find((parent) => parent.id === b.parentId)?.text ?? '',
        locator: b.locator,
        text: b.text,
        path: docPath(d.slug, b.id),
      }));
    if (duties.length > 0) byDocument.set(d.slug, { document: d.slug, duties, accountability });
  }
  const withDuties = documents
    .filter((d) => byDocument.has(d.slug))
    .map((d) => ({
      slug: d.slug,
      title: d.data.title,
      bodyType: d.data.bodyType,
      duties: byDocument.get(d.slug)?.duties.length ?? 0,
    }));
  const dated = (slug: string) =>
    byDocument.get(slug)?.duties.filter((x) => x.cadence.months || x.cadence.count).length ?? 0;
  const schools = withDuties.filter((d) => d.bodyType === '学校').sort((a, b) => dated(b.slug) - dated(a.slug));
  const used = new Set(obligations.flatMap((o) => o.roles));
  const defaultDocument = schools[0]?.slug ?? withDuties[0]?.slug ?? '';
  return {
    byDocument,
    data: {
      documents: withDuties,
      roles: roles.filter((r) => used.has(r.id)).map((r) => ({ id: r.id, name: r.name })),
      defaultDocument,
      defaultDuties: byDocument.get(defaultDocument) ?? null,
    },
  };
}

export async function getChecklistData(): Promise<ChecklistData> {
  cache ??= build();
  return (await cache).data;
}

export async function getDocumentDuties(): Promise<Map<string, DocumentDuties>> {
  cache ??= build();
  return (await cache).byDocument;
}
