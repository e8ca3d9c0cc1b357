/**
 * For each role, the clauses that name it (by its printed forms), with a
 * window of text around the first mention: read once per build from the
 * search index, which already holds every clause and the roles it mentions.
 */
import { createMentionFinder } from '../lib/roles';
import { makeSnippet, type Snippet } from '../lib/search/snippet';
import { getRoles } from './roles';
import { getSearchIndex } from './search';

export interface ClauseMention {
  slug: string;
  docTitle: string;
  clauseId: string;
  locator: string;
  snippet: Snippet;
}

let cache: Promise<Map<string, ClauseMention[]>> | undefined;

export function getRoleMentions(): Promise<Map<string, ClauseMention[]>> {
  cache ??= Promise.all([getSearchIndex(), getRoles()]).then(([index, roles]) => {
    const find = createMentionFinder(roles);
    const byRole = new Map<string, ClauseMention[]>(roles.map((role) => [role.id, []]));
    for (const record of index.records) {
      if (record.k === 'heading') continue;
      const doc = index.docs[record.d];
      if (!doc) continue;
      const mentions = find(record.t);
      for (const id of new Set(mentions.map((mention) => mention.id))) {
        const ranges = mentions.filter((m) => m.id === id).map((m): [number, number] => [m.start, m.end]);
        byRole.get(id)?.push({
          slug: doc.slug,
          docTitle: doc.title,
          clauseId: record.id,
          locator: record.l,
          snippet: makeSnippet(record.t, ranges),
        });
      }
    }
    return byRole;
  });
  return cache;
}
