import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { loadObligations } from '../../src/integrations/obligations';
import { cadenceSchema } from '../../src/lib/checklist/ledger';

const root = new URL('../../', import.meta.url).pathname;

describe('the exported ledger', () => {
  it('accepts the cadence of every published duty (a ledger with any of them reads back)', () => {
    const refused = loadObligations(root).files.flatMap((f) =>
      f.data.obligations
        .filter((o) => !v.is(cadenceSchema, o.cadence))
        .map((o) => `${o.id}: ${JSON.stringify(o.cadence)}`),
    );
    expect(loadObligations(root).files.length).toBeGreaterThan(10);
    expect(refused).toEqual([]);
  });
});
