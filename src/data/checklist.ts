/** What the self-check page needs, computed once at build from the obligations and documents. */
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

export interface ChecklistData {
  duties: ChecklistDuty[];
  documents: { slug: string; title: string; bodyType: string; duties: number }[];
  roles: { id: string; name: string }[];
  accountability: AccountabilityItem[];
  /** The most complete school document: what a first visitor sees. */
  defaultDocument: string;
}

export async function getChecklistData(): Promise<ChecklistData> {
  const [{ obligations, roles }, documents, files] = await Promise.all([
    getObligationData(),
    getDocuments(),
    getCollection('obligations'),
  ]);
  const duties: ChecklistDuty[] = obligations.map((o) => ({
    id: o.id,
    document: o.document,
    docTitle: o.docTitle,
    locator: o.locator,
    path: o.path,
    duty: o.duty,
    cadence: o.cadence,
    cadenceText: o.cadenceText,
    roles: o.roles,
    printedRole: o.printedRole,
  }));
  const accountability = documents.flatMap((d) => {
    const headings = files.find((f) => f.data.document === d.slug)?.data.accountability ?? [];
    const under = (id: string | null): boolean => {
      const block = d.model.blocks.find((b) => b.id === id);
      return !!block && (headings.includes(block.id) || under(block.parentId));
    };
    return d.model.blocks
      .filter((b) => b.kind === 'clause' && under(b.parentId))
      .map((b) => ({
        key: `${d.slug}#${b.id}`,
        document: d.slug,
        group: d.model.blocks.find((parent) => parent.id === b.parentId)?.text ?? '',
        locator: b.locator,
        text: b.text,
        path: docPath(d.slug, b.id),
      }));
  });
  const withDuties = documents
    .map((d) => ({
      slug: d.slug,
      title: d.data.title,
      bodyType: d.data.bodyType,
      duties: duties.filter((x) => x.document === d.slug).length,
    }))
    .filter((d) => d.duties > 0);
  const dated = (slug: string) =>
    duties.filter((x) => x.document === slug && (x.cadence.months || x.cadence.count)).length;
  const schools = withDuties.filter((d) => d.bodyType === '学校').sort((a, b) => dated(b.slug) - dated(a.slug));
  return {
    duties,
    documents: withDuties,
    roles: roles.filter((r) => duties.some((d) => d.roles.includes(r.id))).map((r) => ({ id: r.id, name: r.name })),
    accountability,
    defaultDocument: schools[0]?.slug ?? withDuties[0]?.slug ?? '',
  };
}
