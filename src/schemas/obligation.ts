import { z } from 'astro/zod';
import { parseNodePhrase, TIME_NODE_NAMES } from './timeNode';

/**
 * How often a duty falls due. Periodic duties (year … week) have a minimum
 * count per period and, where the text says so, the months and the part of
 * the month they fall in. `once` is a dated phase, `event` a window tied to a
 * time of year the text names (开学季, 春节; dated through `nodes`), `ongoing` a duty the text only
 * calls 定期/经常性/常态化, `triggered` one that arises with an event
 * (遇有重大舆情…随时报告): both are recorded without pretending to a schedule.
 */
export const PERIODS = [
  'year',
  'half-year',
  'quarter',
  'month',
  'semester',
  'week',
  'once',
  'event',
  'ongoing',
  'triggered',
] as const;
export type Period = (typeof PERIODS)[number];
export const PERIODIC: readonly Period[] = ['year', 'half-year', 'quarter', 'month', 'semester', 'week'];

/** Parts of a month as the texts name them; day ranges are in src/lib/obligations/schedule.ts. */
export const WINDOWS = ['上旬', '中旬', '下旬', '第一周', '月底前', '整月'] as const;
export type Window = (typeof WINDOWS)[number];

/** Times of the year the texts name without a month (年初制定工作计划, 年中、年终进行工作总结). */
export const PARTS_OF_YEAR = ['年初', '年中', '年终', '年末'] as const;
export type PartOfYear = (typeof PARTS_OF_YEAR)[number];

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const monthDaySchema = z
  .strictObject({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) })
  .refine((d) => d.day <= (DAYS_IN_MONTH[d.month - 1] ?? 31), { message: '该月没有这一天', path: ['day'] });

export const cadenceSchema = z
  .strictObject({
    period: z.enum(PERIODS),
    /** Minimum number of times per period. */
    count: z.number().int().min(1).optional(),
    /** Upper bound where the text gives a range (1—2次). */
    maxCount: z.number().int().min(1).optional(),
    months: z.array(z.number().int().min(1).max(12)).min(1).optional(),
    window: z.enum(WINDOWS).optional(),
    dates: z.strictObject({ from: monthDaySchema, to: monthDaySchema }).optional(),
    partsOfYear: z.array(z.enum(PARTS_OF_YEAR)).min(1).optional(),
    event: z.string().min(2).optional(),
    /** The named times an event duty is tied to, as 春节前, 国庆期间, 开学初 or a bare 元旦 (前后). */
    nodes: z
      .array(
        z.string().refine((phrase) => parseNodePhrase(phrase) !== undefined, {
          message: `不是已知的时间节点（${TIME_NODE_NAMES.join('、')}，可加“前”“期间”“初”）`,
        }),
      )
      .min(1)
      .optional(),
  })
  .superRefine((c, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const periodic = PERIODIC.includes(c.period);
    if (periodic && c.count === undefined) issue('count', `周期性事项（${c.period}）须写明每期至少几次`);
    if (!periodic && c.count !== undefined) issue('count', `${c.period} 事项没有每期次数`);
    if (c.maxCount !== undefined && (c.count === undefined || c.maxCount < c.count))
      issue('maxCount', 'maxCount 须不小于 count');
    if (c.months) {
      if (new Set(c.months).size !== c.months.length) issue('months', '月份重复');
      if (!['year', 'half-year', 'quarter', 'once'].includes(c.period)) issue('months', `${c.period} 事项不能指定月份`);
      if (c.period === 'quarter' && new Set(c.months.map((m) => Math.ceil(m / 3))).size !== c.months.length)
        issue('months', '每季度事项的月份须分属不同季度');
      if (c.period === 'half-year' && new Set(c.months.map((m) => (m <= 6 ? 1 : 2))).size !== c.months.length)
        issue('months', '每半年事项的月份须分属上、下半年');
    }
    if (c.partsOfYear && c.period !== 'year') issue('partsOfYear', '年初/年中/年终只用于每年的事项');
    if (c.partsOfYear && c.months) issue('partsOfYear', '已有月份时不再写年初/年中/年终');
    if (c.window && !c.months && c.period !== 'month') issue('window', '指定了旬/周而没有月份');
    if (c.period === 'once' && !c.dates && !c.months) issue('dates', '一次性事项须写明日期或月份');
    if (c.dates && c.period !== 'once') issue('dates', '只有一次性事项有起止日期');
    if (c.dates) {
      const { from, to } = c.dates;
      if (to.month * 100 + to.day < from.month * 100 + from.day) issue('dates', '结束日期早于开始日期');
    }
    if (c.period === 'event' && !c.event) issue('event', '时间节点事项须写明节点（如 开学季）');
    if (c.event && c.period !== 'event') issue('event', '只有时间节点事项有 event');
    if (c.nodes && c.period !== 'event') issue('nodes', '只有时间节点事项有 nodes');
    if (c.nodes && new Set(c.nodes).size !== c.nodes.length) issue('nodes', '时间节点重复');
    if ((c.period === 'ongoing' || c.period === 'triggered') && (c.months || c.window || c.dates))
      issue('period', `${c.period} 事项没有固定时间`);
  });
export type Cadence = z.infer<typeof cadenceSchema>;

const roleId = z.string().regex(/^[a-z]+(?:-[a-z]+)*$/);
const clauseId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
export const obligationIdSchema = z.string().regex(/^D\d{2,4}-\d{2,3}$/, '义务 id 形如 D05-03（文件编号-序号）');

export const obligationSchema = z.strictObject({
  /** Stable and never reused (see content/obligations-retired.yaml). */
  id: obligationIdSchema,
  /** The clause it rests on (its anchor id in the document). */
  clause: clauseId,
  /** Verbatim from that clause (punctuation width and spaces aside). */
  quote: z.string().min(4),
  roles: z.array(roleId).min(1),
  /** The responsible party as the clause prints it (or as its heading does). */
  printedRole: z.string().min(2),
  /** The duty in a short phrase. */
  duty: z.string().min(2).max(40),
  cadence: cadenceSchema,
  /** Obligations this one fulfils or is fulfilled by (e.g. the scheduled meetings of a yearly minimum). */
  related: z.array(obligationIdSchema).optional(),
  note: z.string().min(4).optional(),
});
export type Obligation = z.infer<typeof obligationSchema>;

/** How a document defines a canonical role ("党委副书记、校长是直接责任人"). */
export const roleDefinitionSchema = z.strictObject({
  role: roleId,
  printed: z.string().min(2),
  clause: clauseId,
  quote: z.string().min(4),
});
export type RoleDefinition = z.infer<typeof roleDefinitionSchema>;

/** A clause with cadence words that is deliberately not an obligation. */
export const notObligationSchema = z.strictObject({
  clause: clauseId,
  reason: z.string().min(6),
});

/** content/obligations/<document slug>.yaml */
export const documentObligationsSchema = z.strictObject({
  document: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  roleDefinitions: z.array(roleDefinitionSchema).default([]),
  obligations: z.array(obligationSchema).default([]),
  notObligations: z.array(notObligationSchema).default([]),
  /** Headings whose numbered clauses list the circumstances that are held to account (追责问责的情形). */
  accountability: z.array(clauseId).default([]),
});
export type DocumentObligations = z.infer<typeof documentObligationsSchema>;

/** content/obligations-retired.yaml: ids once used and never to be used again. */
export const retiredObligationsSchema = z.array(z.strictObject({ id: obligationIdSchema, reason: z.string().min(4) }));

/** content/obligations-words.yaml: the completeness lint's words and patterns, by kind. */
export const cadenceVocabularySchema = z
  .array(
    z.strictObject({
      kind: z.string().min(2),
      words: z.array(z.string().min(2)).default([]),
      /** Regular expressions, each with an example it must match. */
      patterns: z
        .array(
          z
            .strictObject({ pattern: z.string().min(2), example: z.string().min(2) })
            .superRefine(({ pattern, example }, ctx) => {
              let matches = false;
              try {
                matches = new RegExp(pattern).test(example);
              } catch (error) {
                ctx.addIssue({
                  code: 'custom',
                  path: ['pattern'],
                  message: `正则表达式无效：${(error as Error).message}`,
                });
                return;
              }
              if (!matches)
                ctx.addIssue({ code: 'custom', path: ['example'], message: `示例「${example}」不匹配 ${pattern}` });
            }),
        )
        .default([]),
    }),
  )
  .superRefine((entries, ctx) => {
    const seen = new Set<string>();
    for (const word of entries.flatMap((e) => e.words)) {
      if (seen.has(word)) ctx.addIssue({ code: 'custom', path: [], message: `词语重复：${word}` });
      seen.add(word);
    }
  });
export type CadenceVocabulary = z.infer<typeof cadenceVocabularySchema>;
