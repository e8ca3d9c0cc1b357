import { z } from 'astro/zod';

export const BODY_TYPES = ['学校', '高校学院', '局机关', '乡镇', '社区', '通用'] as const;
export const DOCUMENT_KINDS = [
  '实施细则',
  '实施办法',
  '实施方案',
  '工作方案',
  '工作计划',
  '工作制度',
  '风险防控机制',
  '整治方案',
  '情况报告',
  '工作总结',
  '研判报告',
  '学习体会',
] as const;
export const STATUS_FLAGS = ['试行', '残缺', '节选', '残篇'] as const;

export const seedFileSchema = z
  .string()
  .regex(/^\d{3}_[0-9a-f]{16}\.txt$/, '应为 content/sources/ 下的源文件名，如 000_fd5524586e1f7b2e.txt');

const lineRange = z
  .object({ file: seedFileSchema, from: z.number().int().min(1), to: z.number().int().min(1) })
  .refine((range) => range.from <= range.to, { message: 'from 不能大于 to', path: ['to'] });

/** Where a document's text comes from: its published copy and any duplicate copies. */
export const sourceSpanSchema = z.intersection(
  lineRange,
  z.object({
    role: z.enum(['primary', 'duplicate']).default('primary'),
    note: z.string().optional(),
    /** For a duplicate: passages where it legitimately differs (e.g. an unmasked roster). */
    variants: z.array(z.object({ original: z.string().min(1), published: z.string() })).default([]),
  }),
);

/**
 * One editorial change (or flag) in a document body, cited in the text as <Fix id="…" />.
 * Grades follow the corpus survey: C certain, P probable (both applied, P marked),
 * U uncertain (not changed; shown as 原文如此).
 */
export const erratumSchema = z
  .object({
    id: z.string().regex(/^e\d+$/, '勘误编号应为 e1、e2 …'),
    line: z.number().int().min(1),
    original: z.string(),
    corrected: z.string().optional(),
    grade: z.enum(['C', 'P', 'U']),
    kind: z.enum(['typo', 'restore', 'mask', 'number']).default('typo'),
    note: z.string().optional(),
  })
  .superRefine((erratum, ctx) => {
    if (erratum.grade === 'U' && erratum.corrected !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['corrected'], message: 'U 级存疑项不改动原文，不应有 corrected' });
    }
    if (erratum.grade !== 'U' && (erratum.corrected === undefined || erratum.corrected === erratum.original)) {
      ctx.addIssue({ code: 'custom', path: ['corrected'], message: 'C/P 级勘误必须给出与原文不同的 corrected' });
    }
  });

export const documentSchema = z
  .object({
    /** D01–D99, then D100 onwards as the corpus grows. */
    docId: z.string().regex(/^D\d{2,4}$/, '文件编号形如 D05（D 加两到四位数字）'),
    title: z.string().min(2),
    /** True when the source prints no title and the title is descriptive. */
    titleEditorial: z.boolean(),
    /** The title as printed, when it differs from `title` (e.g. a lost character restored). */
    titleInSource: z.string().optional(),
    issuer: z.string().min(1),
    bodyType: z.enum(BODY_TYPES),
    kind: z.enum(DOCUMENT_KINDS),
    kindDetail: z.string().optional(),
    year: z.number().int().min(1949).max(2100).nullable(),
    dateNote: z.string().optional(),
    flags: z.array(z.enum(STATUS_FLAGS)).default([]),
    summary: z.string().min(10),
    sources: z.array(sourceSpanSchema).min(1),
    errata: z.array(erratumSchema).default([]),
  })
  .superRefine((doc, ctx) => {
    if (!doc.sources.some((span) => span.role === 'primary')) {
      ctx.addIssue({ code: 'custom', path: ['sources'], message: '至少需要一个 primary 来源' });
    }
    const seen = new Set<string>();
    doc.errata.forEach((erratum, index) => {
      if (seen.has(erratum.id)) {
        ctx.addIssue({ code: 'custom', path: ['errata', index, 'id'], message: `勘误编号 ${erratum.id} 重复` });
      }
      seen.add(erratum.id);
    });
    if (doc.titleEditorial && doc.titleInSource !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['titleInSource'], message: '编者拟题的文件没有原印标题' });
    }
  });

export type DocumentData = z.infer<typeof documentSchema>;
export type Erratum = z.infer<typeof erratumSchema>;
export type SourceSpan = z.infer<typeof sourceSpanSchema>;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
