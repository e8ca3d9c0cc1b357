/**
 * The published documents, read once per build from the content collection,
 * each with its clause model (ids, locators, text) for pages and indexes.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildDocumentModel, type DocumentModel } from '../lib/corpus/model';

export interface PublishedDocument {
  slug: string;
  entry: CollectionEntry<'docs'>;
  data: CollectionEntry<'docs'>['data'];
  model: DocumentModel;
}

let cache: Promise<PublishedDocument[]> | undefined;

export function getDocuments(): Promise<PublishedDocument[]> {
  cache ??= getCollection('docs').then((entries) =>
    entries
      .map((entry) => ({
        slug: entry.id,
        entry,
        data: entry.data,
        model: buildDocumentModel(entry.body ?? '', entry.data.errata),
      }))
      .sort((a, b) => a.data.docId.localeCompare(b.data.docId, 'en', { numeric: true })),
  );
  return cache;
}

/** Items by document slug, in their order. */
export function byDocument<T>(items: readonly T[], slug: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(slug(item));
    if (list) list.push(item);
    else groups.set(slug(item), [item]);
  }
  return groups;
}
