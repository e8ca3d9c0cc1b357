/** A published duty for the tests: document `a`, the party organisation's, once a year unless told. */
import type { ChecklistDuty } from '../plan';

export const testDuty = (
  id: string,
  cadence: ChecklistDuty['cadence'] = { period: 'year', count: 1 },
  roles = ['party-organization'],
  document = 'a',
): ChecklistDuty => ({
  id,
  source: 'published',
  document,
  docTitle: '某校细则',
  locator: '一、1',
  path: `docs/${document}/#s1-1`,
  duty: `工作${id}`,
  cadence,
  cadenceText: '',
  roles,
  printedRole: '校党委',
  citation: null,
});
