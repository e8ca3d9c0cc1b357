import { z } from 'astro/zod';

export const ROLE_GROUPS = ['党组织', '责任人', '机构', '职能部门'] as const;

/** A canonical role; `aliases` are the printed forms that mention it. */
export const roleSchema = z.strictObject({
  id: z.string().regex(/^[a-z]+(?:-[a-z]+)*$/, '角色 id 须为小写英文短横线形式（用于 /roles/<id>/）'),
  name: z.string().min(2),
  group: z.enum(ROLE_GROUPS),
  description: z.string().min(4).optional(),
  aliases: z.array(z.string().min(2)).min(1),
});

export const roleListSchema = z.array(roleSchema);
export type Role = z.infer<typeof roleSchema>;
