import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
const docs = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/docs' }),
  schema: z.object({ title: z.string(), errata: z.array(z.object({ id: z.string(), original: z.string() })) }),
});
export const collections = { docs };
