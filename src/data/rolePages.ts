/**
 * Each role's page(s): its duties by document, then how the documents define it, then the clauses that
 * name it by document, cut into pages by ROLE_PAGE_BUDGET (src/lib/paginate.ts). Read once per build:
 * by the role pages and by the matrix on /roles/, whose cells link to the page holding a document's duties.
 */
import { href } from '../components/link';
import { definitionWeight, dutyWeight, headingWeight, mentionWeight } from '../lib/entryWeight';
import { indexPages, paginate, ROLE_PAGE_BUDGET, type PageIndex, type Slice } from '../lib/paginate';
import { docPath } from '../lib/url';
import type { Role } from '../schemas/role';
import { byDocument, getDocuments, type PublishedDocument } from './documents';
import { getObligationData, type PublishedDefinition, type PublishedObligation } from './obligations';
import { getRoleMentions, type ClauseMention } from './roleMentions';

interface Weighed {
  key: string;
  head: number;
  weights: number[];
}
export type RoleGroup = Weighed &
  (
    | { section: 'duties'; document: PublishedDocument; items: PublishedObligation[] }
    | { section: 'definitions'; items: PublishedDefinition[] }
    | { section: 'mentions'; document: PublishedDocument; items: ClauseMention[] }
  );

export interface RolePages {
  role: Role;
  duties: number;
  /** Documents with duties for the role. */
  dutyDocuments: number;
  definitions: number;
  mentions: number;
  pages: Slice<RoleGroup>[][];
  index: PageIndex;
}

let cache: Promise<Map<string, RolePages>> | undefined;

export function getRolePages(): Promise<Map<string, RolePages>> {
  cache ??= Promise.all([getObligationData(), getDocuments(), getRoleMentions()]).then(
    ([{ obligations, definitions, roles }, documents, mentionsByRole]) =>
      new Map(
        roles.map((role) => {
          const duties = obligations.filter((o) => o.roles.includes(role.id));
          const ownDefinitions = definitions.filter((d) => d.role === role.id);
          const mentions = mentionsByRole.get(role.id) ?? [];
          const dutiesOf = byDocument(duties, (o) => o.document);
          const mentionsOf = byDocument(mentions, (m) => m.slug);
          const groups: RoleGroup[] = [
            ...documents.map((document): RoleGroup => {
              const items = dutiesOf.get(document.slug) ?? [];
              return {
                section: 'duties',
                key: document.slug,
                document,
                items,
                head: headingWeight(document.slug, document.data.title, href(docPath(document.slug))),
                weights: items.map((o) => dutyWeight(o, { href: href(o.path), quote: o.quote })),
              };
            }),
            {
              section: 'definitions',
              key: '',
              items: ownDefinitions,
              head: 0,
              weights: ownDefinitions.map((d) => definitionWeight(d, href(d.path))),
            },
            ...documents.map((document): RoleGroup => {
              const items = mentionsOf.get(document.slug) ?? [];
              return {
                section: 'mentions',
                key: document.slug,
                document,
                items,
                head: headingWeight(`mentions-${document.slug}`, document.data.title, href(docPath(document.slug))),
                weights: items.map((m) => mentionWeight(m, href(docPath(m.slug, m.clauseId)))),
              };
            }),
          ];
          const pages = paginate(groups, ROLE_PAGE_BUDGET);
          return [
            role.id,
            {
              role,
              duties: duties.length,
              dutyDocuments: dutiesOf.size,
              definitions: ownDefinitions.length,
              mentions: mentions.length,
              pages,
              index: indexPages(pages),
            },
          ];
        }),
      ),
  );
  return cache;
}
