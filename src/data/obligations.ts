/**
 * The obligations joined with their documents and clauses, read once per build:
 * the single source for the role pages, the calendar, the document summaries,
 * /obligations.json and the .ics files.
 */
import { getCollection } from 'astro:content';
import { describeCadence } from '../lib/obligations/schedule';
import { docPath } from '../lib/url';
import type { Role } from '../schemas/role';
import type { Obligation, RoleDefinition } from '../schemas/obligation';
import { getDocuments } from './documents';
import { getRoles } from './roles';

interface ClauseRef {
  document: string;
  docId: string;
  docTitle: string;
  bodyType: string;
  /** Printed locator of the clause, e.g. 九、4. */
  locator: string;
  /** Site path of the clause (without the base path). */
  path: string;
}

export interface PublishedObligation extends Obligation, ClauseRef {
  cadenceText: string;
}

export interface PublishedDefinition extends RoleDefinition, ClauseRef {}

export interface ObligationData {
  obligations: PublishedObligation[];
  definitions: PublishedDefinition[];
  roles: Role[];
}

let cache: Promise<ObligationData> | undefined;

export function getObligationData(): Promise<ObligationData> {
  cache ??= Promise.all([getDocuments(), getCollection('obligations'), getRoles()]).then(
    ([documents, files, roles]) => {
      const obligations: PublishedObligation[] = [];
      const definitions: PublishedDefinition[] = [];
      for (const document of documents) {
        const file = files.find((f) => f.data.document === document.slug);
        if (!file) continue;
        const blocks = new Map(document.model.blocks.map((block) => [block.id, block]));
        const ref = (clause: string): ClauseRef => ({
          document: document.slug,
          docId: document.data.docId,
          docTitle: document.data.title,
          bodyType: document.data.bodyType,
          locator: blocks.get(clause)?.locator ?? clause,
          path: docPath(document.slug, clause),
        });
        for (const o of file.data.obligations) {
          obligations.push({
            ...o,
            ...ref(o.clause),
            cadenceText: describeCadence(o.cadence),
          });
        }
        for (const d of file.data.roleDefinitions) definitions.push({ ...d, ...ref(d.clause) });
      }
      return { obligations, definitions, roles };
    },
  );
  return cache;
}
