/**
 * Importing a record into the current one: what it would change (for the
 * preview before anything is written), and merging entry by entry.
 */
import { emptyYear, referencedFiles, type ChecklistRecord, type EvidenceRef } from './record';

const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

/** What importing `incoming` would change in `current`, for the preview before anything is written. */
export interface ImportPreview {
  years: { year: string; added: number; changed: number; removed: number }[];
  selectionChanges: boolean;
  listChanges: boolean;
  /** Evidence files the import brings that are not stored yet. */
  newFiles: number;
}

function sameEntry(a: unknown, b: unknown) {
  return JSON.stringify(a) === JSON.stringify(b);
}

const YEAR_PARTS = ['ticks', 'accountability', 'notApplicable', 'evidence'] as const;

export function previewImport(
  current: ChecklistRecord,
  incoming: ChecklistRecord,
  mode: 'merge' | 'replace',
): ImportPreview {
  const after = mode === 'merge' ? mergeRecords(current, incoming) : incoming;
  const years = [...new Set([...Object.keys(current.years), ...Object.keys(after.years)])].sort();
  const stored = referencedFiles(current);
  return {
    years: years
      .map((year) => {
        const before = current.years[year] ?? emptyYear();
        const next = after.years[year] ?? emptyYear();
        let added = 0;
        let changed = 0;
        let removed = 0;
        for (const part of YEAR_PARTS) {
          const a = before[part] as Record<string, unknown>;
          const b = next[part] as Record<string, unknown>;
          for (const key of Object.keys(b)) {
            if (!hasOwn(a, key)) added += 1;
            else if (!sameEntry(a[key], b[key])) changed += 1;
          }
          for (const key of Object.keys(a)) if (!hasOwn(b, key)) removed += 1;
        }
        return { year, added, changed, removed };
      })
      .filter((y) => y.added + y.changed + y.removed > 0),
    selectionChanges: !sameEntry(current.selection, after.selection) || current.unit !== after.unit,
    listChanges: !sameEntry(current.list, after.list),
    newFiles: [...referencedFiles(incoming).keys()].filter((sha) => !stored.has(sha)).length,
  };
}

/** Evidence of one occurrence from both sides, each file once (the imported first). */
const mergeEvidence = (a: EvidenceRef[] = [], b: EvidenceRef[] = []) => [
  ...b,
  ...a.filter((ref) => !b.some((other) => other.sha256 === ref.sha256)),
];

/**
 * Merge: the imported entries are added, and replace the current ones with the
 * same key; evidence files of an occurrence are joined. The imported unit name,
 * choice and list are taken when it has them.
 */
export function mergeRecords(current: ChecklistRecord, incoming: ChecklistRecord): ChecklistRecord {
  const years = { ...current.years };
  for (const [year, y] of Object.entries(incoming.years)) {
    const before = years[year] ?? emptyYear();
    const evidence = { ...before.evidence };
    for (const [key, refs] of Object.entries(y.evidence)) evidence[key] = mergeEvidence(before.evidence[key], refs);
    years[year] = {
      ticks: { ...before.ticks, ...y.ticks },
      accountability: { ...before.accountability, ...y.accountability },
      notApplicable: { ...before.notApplicable, ...y.notApplicable },
      evidence,
    };
  }
  return {
    ...current,
    unit: incoming.unit || current.unit,
    selection: incoming.selection ?? current.selection,
    list: incoming.list ?? current.list,
    years,
  };
}
