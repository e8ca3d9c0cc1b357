/** The clause search index, built once per build from the collections, and the files the browser fetches. */
import { getCollection } from 'astro:content';
import { buildSearchIndex, type SearchIndexData } from '../lib/search/indexData';
import { buildSearchFiles, type SearchFiles } from '../lib/search/searchFiles';
import { thesaurusConflicts } from '../lib/search/thesaurus';
import { synonymGroup } from '../schemas/synonyms';
import { getDocuments } from './documents';
import { getObligationData } from './obligations';
import { getRoles } from './roles';

let cache: Promise<SearchIndexData> | undefined;
let files: Promise<SearchFiles> | undefined;

export function getSearchIndex(): Promise<SearchIndexData> {
  cache ??= Promise.all([getDocuments(), getRoles(), getCollection('synonyms'), getObligationData()]).then(
    ([documents, roles, synonyms, { definitions }]) => {
      // Each entry's schema is the collection's; the rules across entries fail the build here.
      const problems = thesaurusConflicts(synonyms.map((entry) => entry.data));
      if (problems.length) throw new Error(`检索同义词表检查未通过（${problems.length} 处）：\n${problems.join('\n')}`);
      return buildSearchIndex(
        documents,
        roles,
        synonyms.map((entry) => synonymGroup(entry.data)),
        definitions,
      );
    },
  );
  return cache;
}

export function getSearchFiles(): Promise<SearchFiles> {
  files ??= getSearchIndex().then((index) => buildSearchFiles(index));
  return files;
}
