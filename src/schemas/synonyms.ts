import { z } from 'astro/zod';

/** A search synonym group: the head term (`id`) and the terms that stand for it. */
export const synonymSchema = z.strictObject({
  id: z.string().min(2),
  variants: z.array(z.string().min(2)).min(1),
});

export const synonymListSchema = z.array(synonymSchema);
export type Synonym = z.infer<typeof synonymSchema>;

export const synonymGroup = (entry: Synonym): string[] => [entry.id, ...entry.variants];
