/** The clause search index, built once per build from the collections. */
import { getCollection } from 'astro:content';
import { buildSearchIndex, type SearchIndexData } from '../lib/search/indexData';
import { ROLE_GROUPS } from '../schemas/role';
import { synonymGroup } from '../schemas/synonyms';
import { getDocuments } from './documents';

let cache: Promise<SearchIndexData> | undefined;

export function getSearchIndex(): Promise<SearchIndexData> {
  cache ??= Promise.all([getDocuments(), getCollection('roles'), getCollection('synonyms')]).then(
    ([documents, roles, synonyms]) =>
      buildSearchIndex(
        documents,
        roles.map((role) => role.data).sort((a, b) => ROLE_GROUPS.indexOf(a.group) - ROLE_GROUPS.indexOf(b.group)),
        synonyms.map((entry) => synonymGroup(entry.data)),
      ),
  );
  return cache;
}
