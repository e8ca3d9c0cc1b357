/** The record and its change function, for views deep in the page (evidence, the list editor). */
import { createContext } from 'preact';
import type { ChecklistRecord } from '../../lib/checklist/record';

export interface LedgerAccess {
  record: ChecklistRecord;
  readOnly: boolean;
  /** Applies a change to the latest record and saves it; false when the browser refused. */
  change(edit: (record: ChecklistRecord) => ChecklistRecord): boolean;
}

export const LedgerContext = createContext<LedgerAccess | null>(null);
