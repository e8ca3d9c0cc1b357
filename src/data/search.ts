/** The clause search index, built once per build from the collections. */
import { getCollection } from 'astro:content';
import { buildSearchIndex, type SearchIndexData } from '../lib/search/indexData';
import { synonymGroup } from '../schemas/synonyms';
import { getDocuments } from './documents';
import { getRoles } from './roles';

let cache: Promise<SearchIndexData> | undefined;

export function getSearchIndex(): Promise<SearchIndexData> {
  cache ??= Promise.all([getDocuments(), getRoles(), getCollection('synonyms')]).then(([documents, roles, synonyms]) =>
    buildSearchIndex(
      documents,
      roles,
      synonyms.map((entry) => synonymGroup(entry.data)),
    ),
  );
  return cache;
}
