import { z } from 'astro/zod';
import { seedFileSchema } from './document';

export const EXCLUSION_CATEGORIES = [
  '广告',
  '合集标题',
  '站点标签',
  '文档残留',
  '分页空行',
  '离题文件',
  '页眉重复',
] as const;

/** A span of a source file that is not published, with the reason. */
export const exclusionSchema = z
  .object({
    file: seedFileSchema,
    from: z.number().int().min(1),
    to: z.number().int().min(1),
    category: z.enum(EXCLUSION_CATEGORIES),
    reason: z.string().min(4),
  })
  .refine((range) => range.from <= range.to, { message: 'from 不能大于 to', path: ['to'] });

export const exclusionListSchema = z.array(exclusionSchema);
export type Exclusion = z.infer<typeof exclusionSchema>;
