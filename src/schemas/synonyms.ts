import { z } from 'astro/zod';

/**
 * A concept group of the search thesaurus (content/synonyms.yaml): the concept as a user may say it
 * (`id`) and the documents' wordings of it (`variants`). A query word containing one of them also looks
 * for the others (开会 → 召开会议, 年终总结 → 年末总结), below the word as typed; with `wholeTerm`, only a
 * query word that is exactly one of them does (for common words such as 责任, which would otherwise turn
 * 第一责任人 into 第一职责人). The rules across entries are in src/lib/search/thesaurus.ts.
 */
export const synonymSchema = z.strictObject({
  id: z.string().min(2),
  variants: z.array(z.string().min(2)).min(1),
  wholeTerm: z.boolean().default(false),
});

/** Interchangeable terms. A `wholeTerm` group applies only to a query word that is one of its terms. */
export interface SynonymGroup {
  terms: string[];
  wholeTerm: boolean;
}

export type Synonym = z.infer<typeof synonymSchema>;

export const synonymGroup = (entry: Synonym): SynonymGroup => ({
  terms: [entry.id, ...entry.variants],
  wholeTerm: entry.wholeTerm,
});
