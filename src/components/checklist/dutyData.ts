/**
 * Each document's duties come from /checklist/duties/<slug>.json, fetched
 * when the document is first needed and kept for the page's life (the
 * service worker keeps a copy for offline use).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { DocumentDuties } from '../../data/checklist';
import type { ChecklistDuty } from '../../lib/checklist/plan';
import { href } from '../link';

const loaded = new Map<string, DocumentDuties>();
const loading = new Map<string, Promise<DocumentDuties>>();

/** Duty data the page carries already (its default document). */
export function provide(data: DocumentDuties | null) {
  if (data) loaded.set(data.document, data);
}

/** One document's duty data; rejects (and is tried afresh next time) when it cannot be fetched. */
export function loadDocument(slug: string): Promise<DocumentDuties> {
  const known = loaded.get(slug);
  if (known) return Promise.resolve(known);
  let pending = loading.get(slug);
  if (!pending) {
    pending = fetch(href(`checklist/duties/${encodeURIComponent(slug)}.json`))
      .then((response) => {
        if (!response.ok) throw new Error(String(response.status));
        return response.json() as Promise<DocumentDuties>;
      })
      .then(
        (data) => {
          loaded.set(slug, data);
          loading.delete(slug);
          return data;
        },
        (error: unknown) => {
          loading.delete(slug);
          throw error;
        },
      );
    loading.set(slug, pending);
  }
  return pending;
}

export interface LoadedDuties {
  duties: Map<string, ChecklistDuty[]>;
  documents: Map<string, DocumentDuties>;
  /** Documents still on their way. */
  pending: string[];
  /** Documents that could not be fetched (offline before their first visit, or a server error). */
  failed: string[];
  retry(): void;
}

/** The duty data of `slugs`, loaded as they are needed. */
export function useDuties(slugs: readonly string[]): LoadedDuties {
  const [, setVersion] = useState(0);
  const [failed, setFailed] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const key = slugs.join('\n');
  useEffect(() => {
    let live = true;
    setFailed([]);
    for (const slug of slugs) {
      if (loaded.has(slug)) continue;
      loadDocument(slug).then(
        () => live && setVersion((n) => n + 1),
        () => live && setFailed((list) => (list.includes(slug) ? list : [...list, slug])),
      );
    }
    return () => {
      live = false;
    };
    // slugs is compared by its content (key).
  }, [key, attempt]);
  const ready = slugs.filter((slug) => loaded.has(slug));
  // The same maps until another document arrives, so the plan is not recomputed on every render.
  const maps = useMemo(() => {
    const documents = new Map(ready.map((slug) => [slug, loaded.get(slug) as DocumentDuties]));
    return { documents, duties: new Map([...documents].map(([slug, data]) => [slug, data.duties])) };
  }, [ready.join('\n')]);
  return {
    ...maps,
    pending: slugs.filter((slug) => !loaded.has(slug) && !failed.includes(slug)),
    failed: failed.filter((slug) => slugs.includes(slug)),
    retry: () => setAttempt((n) => n + 1),
  };
}
