/** A search store over the search files built in memory, as the browser reads them over the network. */
import type { IndexInputDocument, SearchIndexData } from '../indexData';
import { buildSearchFiles, type SearchFilesOptions } from '../searchFiles';
import { SearchStore } from '../store';

export function memoryStore(data: SearchIndexData, options?: SearchFilesOptions) {
  const { manifest, files } = buildSearchFiles(data, options);
  /** Every file loaded, in order, with its size. */
  const loaded: { path: string; bytes: number }[] = [];
  const store = new SearchStore(manifest, async (path) => {
    const file = files.get(path);
    if (file === undefined) throw new Error(`no search file ${path}`);
    loaded.push({ path, bytes: typeof file === 'string' ? new TextEncoder().encode(file).length : file.length });
    return file;
  });
  return { store, manifest, files, loaded };
}

type Block = IndexInputDocument['model']['blocks'][number];

/** A block of a test document, its locator its id. */
export const block = (id: string, kind: Block['kind'], text: string, parentId: string | null = null): Block => ({
  id,
  kind,
  locator: id,
  text,
  parentId,
});
