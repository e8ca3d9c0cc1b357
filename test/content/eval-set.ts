/**
 * The search evaluation set (test/fixtures/search-queries.eval.json): queries written from
 * users' tasks, each with the clauses a reader would call the right answer, judged by reading
 * the documents. This module reads the file and checks it against the real search index, so a
 * wrong expectation fails the content tests instead of silently skewing the figures.
 */
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { canonicalText } from '../../src/lib/corpus/canonical';
import type { SearchIndexData } from '../../src/lib/search/indexData';
import { evalHalf } from './eval-split';

export const EVAL_SET_FILE = 'test/fixtures/search-queries.eval.json';
export const VALIDATION_SET_FILE = 'test/fixtures/search-queries.validation.json';

/** The kinds of query, each with the least number of queries the set must hold of it. */
export const KIND_MINIMUMS = {
  /** A term or phrase as the documents print it. */
  'exact term': 15,
  /** One or two characters. */
  'short word': 10,
  /** A role with one of its typical duties. */
  role: 20,
  /** A role with a cadence (每月, 每半年, 每季度 …). */
  'role+cadence': 20,
  /** The user's word is not the text's (开会 for 召开专题会议, 检查 for 督查 …). */
  paraphrase: 40,
  /** One wrong character, mostly a homophone (形→型, 责→则). */
  typo: 25,
  /** A heading word plus a content word (工作要求 学习). */
  'section topic': 15,
  /** The right answers are in two to four documents. */
  'multi-document': 20,
  /** The duty's clause does not name the role; another clause of the same document defines it. */
  'role defined elsewhere': 10,
  /** A question as a user would ask it. */
  'natural question': 15,
  /** A sentence pasted from a work plan. */
  'long paste': 10,
} as const;

export type EvalKind = keyof typeof KIND_MINIMUMS;
const KINDS = Object.keys(KIND_MINIMUMS) as [EvalKind, ...EvalKind[]];

export const MIN_QUERIES = 200;
export const MAX_EXPECTED = 5;
export const MIN_TEXT_LENGTH = 6;
export const MIN_QUERIES_PER_DOCUMENT = 5;
export const MIN_QUERIES_PER_ROLE = 2;
/** Each half must hold between these shares of the queries. */
export const HALF_SHARE = { min: 0.4, max: 0.6 } as const;
/** A multi-document query expects clauses from this many documents. */
export const MULTI_DOCUMENT_SPAN = { min: 2, max: 4 } as const;

const expectationSchema = z.strictObject({
  document: z.string().min(1),
  /** The printed locator, as the page prints it (一、（三）3, 附2·3月中旬). */
  clause: z.string().min(1),
  /** A verbatim piece of the clause that occurs in no other clause of the document. */
  text: z.string().min(1),
});

const evalQuerySchema = z.strictObject({
  query: z.string().min(1),
  kind: z.enum(KINDS),
  covers: z.array(z.string().regex(/^(doc|role):\S+$/)).optional(),
  expect_in_top5: z.array(expectationSchema).min(1).max(MAX_EXPECTED),
  note: z.string().optional(),
});

export type EvalExpectation = z.infer<typeof expectationSchema>;
export type EvalQuery = z.infer<typeof evalQuerySchema>;

const evalSetSchema = z.array(evalQuerySchema);

const formatPath = (path: readonly PropertyKey[]) => path.map(String).join('.') || '(root)';

/** Parses the file's text; on any problem returns no queries and says where. */
export function parseEvalSet(text: string, file = EVAL_SET_FILE): { queries: EvalQuery[]; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { queries: [], problems: [`${file}: not valid JSON: ${(error as Error).message}`] };
  }
  const parsed = evalSetSchema.safeParse(json);
  if (!parsed.success) {
    return {
      queries: [],
      problems: parsed.error.issues.map((issue) => `${file}: ${formatPath(issue.path)}: ${issue.message}`),
    };
  }
  return { queries: parsed.data, problems: [] };
}

export function readEvalSet(root: string, file = EVAL_SET_FILE): { queries: EvalQuery[]; problems: string[] } {
  return parseEvalSet(readFileSync(new URL(file, `file://${root}`), 'utf8'), file);
}

const normalisedQuery = (query: string) => query.normalize('NFKC').trim();

/** Resolves a query's expectations to the one record each names; a problem for each that does not. */
function expectationResolver(index: SearchIndexData) {
  const recordsOf = new Map<string, number[]>();
  index.records.forEach((record, at) => {
    const slug = index.docs[record.d]!.slug;
    recordsOf.set(slug, [...(recordsOf.get(slug) ?? []), at]);
  });
  const canonicalRecords = index.records.map((record) => canonicalText(record.t));
  return (q: EvalQuery): { resolved: number[]; problems: string[] } => {
    const where = `「${q.query}」`;
    const resolved: number[] = [];
    const problems: string[] = [];
    for (const expected of q.expect_in_top5) {
      const at = `${where} ${expected.document} ${expected.clause}`;
      const records = recordsOf.get(expected.document);
      if (!records) {
        problems.push(`${at}: no published document has the slug ${expected.document}`);
        continue;
      }
      const text = canonicalText(expected.text);
      if (text.length < MIN_TEXT_LENGTH) {
        problems.push(`${at}: text 「${expected.text}」 is shorter than ${MIN_TEXT_LENGTH} characters`);
      }
      const hits = records.filter((r) => canonicalRecords[r]!.includes(text));
      if (hits.length !== 1) {
        const locators = hits.map((r) => index.records[r]!.l).join(' | ');
        problems.push(
          `${at}: text 「${expected.text}」 occurs in ${hits.length} records of the document` +
            (hits.length ? ` (${locators}), not one` : ''),
        );
        continue;
      }
      const record = index.records[hits[0]!]!;
      if (record.l !== expected.clause) {
        problems.push(`${at}: text 「${expected.text}」 is in clause ${record.l}, not ${expected.clause}`);
      }
      if (resolved.includes(hits[0]!)) problems.push(`${at}: the same clause is expected twice`);
      resolved.push(hits[0]!);
    }
    const documents = new Set(q.expect_in_top5.map((e) => e.document));
    if (
      q.kind === 'multi-document' &&
      (documents.size < MULTI_DOCUMENT_SPAN.min || documents.size > MULTI_DOCUMENT_SPAN.max)
    ) {
      problems.push(
        `${where}: a multi-document query expects ${MULTI_DOCUMENT_SPAN.min}–${MULTI_DOCUMENT_SPAN.max} documents, not ${documents.size}`,
      );
    }
    return { resolved, problems };
  };
}

/** Queries that occur twice (after NFKC), in the set or in any of the `others`. */
function duplicates(queries: readonly EvalQuery[], others: readonly string[] = []): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const q of queries) {
    const key = normalisedQuery(q.query);
    const first = seen.get(key);
    if (first !== undefined) problems.push(`「${q.query}」: duplicate of 「${first}」`);
    else seen.set(key, q.query);
  }
  const elsewhere = new Set(others.map(normalisedQuery));
  for (const q of queries) {
    if (elsewhere.has(normalisedQuery(q.query))) problems.push(`「${q.query}」: also in another query set`);
  }
  return problems;
}

/**
 * The validation set (test/fixtures/search-queries.validation.json): queries written from the documents by
 * someone who saw neither the evaluation set nor the engine, for judging a change to the ranking beside the
 * tuning half. Each expectation resolves like the evaluation set's; no query may be in another set, so the
 * test half stays unseen.
 */
export function checkValidationSet(queries: readonly EvalQuery[], index: SearchIndexData, others: readonly string[]) {
  const resolve = expectationResolver(index);
  return [...duplicates(queries, others), ...queries.flatMap((q) => resolve(q).problems)];
}

/**
 * Every rule the set must keep, checked against the real index; returns one line per problem.
 * `mentionedRoles` finds the canonical roles a text names (the index's own role matcher).
 */
export function checkEvalSet(
  queries: readonly EvalQuery[],
  index: SearchIndexData,
  mentionedRoles: (text: string) => string[],
): string[] {
  const slugs = new Set(index.docs.map((doc) => doc.slug));
  const roleIds = index.roles.map((role) => role.id);
  const resolve = expectationResolver(index);
  /** Roles a record names, itself or through the headings and clauses that enclose it. */
  const rolesAround = (at: number): string[] => {
    const found: string[] = [];
    for (let p = at; p !== -1; p = index.records[p]!.p) {
      found.push(...index.records[p]!.r.map((r) => roleIds[r]!));
    }
    return found;
  };
  const problems = duplicates(queries);
  if (queries.length < MIN_QUERIES) problems.push(`the set has ${queries.length} queries, fewer than ${MIN_QUERIES}`);
  for (const q of queries) {
    const where = `「${q.query}」`;
    const { resolved, problems: unresolved } = resolve(q);
    problems.push(...unresolved);
    const documents = [...new Set(q.expect_in_top5.map((e) => e.document))];

    const covers = q.covers ?? [];
    const coveredDocs = covers.filter((c) => c.startsWith('doc:')).map((c) => c.slice(4));
    for (const slug of coveredDocs) {
      if (!slugs.has(slug)) problems.push(`${where}: covers unknown document ${slug}`);
      else if (!documents.includes(slug)) problems.push(`${where}: covers doc:${slug} but expects no clause of it`);
    }
    for (const slug of documents) {
      if (!coveredDocs.includes(slug))
        problems.push(`${where}: expects a clause of ${slug} but does not cover doc:${slug}`);
    }
    const mentioned = new Set([...mentionedRoles(q.query), ...resolved.flatMap(rolesAround)]);
    for (const role of covers.filter((c) => c.startsWith('role:')).map((c) => c.slice(5))) {
      if (!roleIds.includes(role)) problems.push(`${where}: covers unknown role ${role}`);
      else if (!mentioned.has(role)) {
        problems.push(`${where}: covers role:${role}, which neither the query nor its expected clauses name`);
      }
    }
  }

  const count = (key: string) => queries.filter((q) => (q.covers ?? []).includes(key)).length;
  for (const slug of slugs) {
    const n = count(`doc:${slug}`);
    if (n < MIN_QUERIES_PER_DOCUMENT)
      problems.push(`document ${slug} is covered by ${n} queries, fewer than ${MIN_QUERIES_PER_DOCUMENT}`);
  }
  for (const role of roleIds) {
    const n = count(`role:${role}`);
    if (n < MIN_QUERIES_PER_ROLE)
      problems.push(`role ${role} is covered by ${n} queries, fewer than ${MIN_QUERIES_PER_ROLE}`);
  }

  const halves = queries.map((q) => evalHalf(q.query));
  for (const kind of KINDS) {
    const ofKind = queries.filter((q) => q.kind === kind);
    if (ofKind.length < KIND_MINIMUMS[kind]) {
      problems.push(`kind ${kind} has ${ofKind.length} queries, fewer than ${KIND_MINIMUMS[kind]}`);
    }
    for (const half of ['tune', 'test'] as const) {
      if (ofKind.length && !ofKind.some((q) => evalHalf(q.query) === half)) {
        problems.push(`kind ${kind} has no query in the ${half} half`);
      }
    }
  }
  for (const half of ['tune', 'test'] as const) {
    const share = halves.filter((h) => h === half).length / Math.max(queries.length, 1);
    if (share < HALF_SHARE.min || share > HALF_SHARE.max) {
      problems.push(
        `the ${half} half holds ${(share * 100).toFixed(1)} % of the queries, outside ${HALF_SHARE.min * 100}–${HALF_SHARE.max * 100} %`,
      );
    }
  }
  return problems;
}
