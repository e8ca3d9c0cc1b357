/**
 * The published /obligations.json (documented in the README). The endpoint
 * validates its own output with this schema, and /obligations.schema.json is
 * generated from it for anyone who reads the data.
 */
import { z } from 'astro/zod';
import { obligationSchema, roleDefinitionSchema } from './obligation';
import { ROLE_GROUPS } from './role';

const url = z.url();

export const obligationsFileSchema = z.strictObject({
  version: z.literal(1),
  /** Site root the URLs are relative to (as built). */
  site: url,
  roles: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      group: z.enum(ROLE_GROUPS),
      description: z.string().optional(),
      url,
    }),
  ),
  documents: z.array(
    z.strictObject({ slug: z.string(), docId: z.string(), title: z.string(), bodyType: z.string(), url }),
  ),
  roleDefinitions: z.array(roleDefinitionSchema.extend({ document: z.string(), locator: z.string(), url })),
  obligations: z.array(
    obligationSchema.extend({
      document: z.string(),
      locator: z.string(),
      /** Absolute URL of the clause. */
      url,
      /** The cadence in plain words, e.g. 每季度1次（3/6/9/12月中旬）. */
      cadenceText: z.string(),
    }),
  ),
});
export type ObligationsFile = z.infer<typeof obligationsFileSchema>;
