/**
 * Loads the corpus from disk (documents, verbatim sources, exclusions) and
 * checks it: frontmatter schema, anchor ids, fidelity to the sources, and that
 * every source line is accounted for. Used by the build (see contentCheck.ts) and
 * by the content tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'astro/zod';
import { documentSchema, type DocumentData } from '../schemas/document';
import { exclusionListSchema, type Exclusion } from '../schemas/sources';
import { splitFrontmatter } from '../lib/corpus/frontmatter';
import { canonicalText } from '../lib/corpus/canonical';
import { buildDocumentModel, type DocumentModel } from '../lib/corpus/model';
import {
  describeMismatch,
  duplicateMatches,
  firstMismatch,
  overlappingRanges,
  spanText,
  uncoveredLines,
  type SeedLines,
} from '../lib/corpus/fidelity';

export interface LoadedDocument {
  slug: string;
  file: string;
  data: DocumentData;
  body: string;
  bodyLineOffset: number;
  model: DocumentModel;
}

export interface Corpus {
  documents: LoadedDocument[];
  seeds: SeedLines;
  exclusions: Exclusion[];
}

export const DOCS_DIR = 'content/docs';
export const SOURCES_DIR = 'content/sources';
export const EXCLUSIONS_FILE = 'content/sources/exclusions.yaml';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function formatZodPath(path: readonly PropertyKey[]) {
  return path
    .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
    .join('')
    .replace(/^\./, '');
}

export function readSeeds(root: string): SeedLines {
  const dir = join(root, SOURCES_DIR);
  const seeds = new Map<string, string[]>();
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()) {
    seeds.set(name, readFileSync(join(dir, name), 'utf8').replace(/\n$/, '').split('\n'));
  }
  return seeds;
}

/** Reads one document file; returns it, or the problems that keep it from loading. */
export function readDocument(file: string, text: string): { document?: LoadedDocument; problems: string[] } {
  const slug = file.replace(/^.*\//, '').replace(/\.mdx$/, '');
  const problems: string[] = [];
  if (!SLUG.test(slug)) problems.push(`${file}: 文件名（slug）"${slug}" 应为 ASCII 小写连字符形式`);
  const { data, body, bodyLineOffset } = splitFrontmatter(text);
  const parsed = documentSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push(`${file}: frontmatter 字段 ${formatZodPath(issue.path) || '(根)'}: ${issue.message}`);
    return { problems };
  }
  let model: DocumentModel;
  try {
    model = buildDocumentModel(body, parsed.data.errata, bodyLineOffset);
  } catch (error) {
    problems.push(`${file}: 无法解析 MDX 正文：${(error as Error).message}`);
    return { problems };
  }
  for (const issue of model.issues) problems.push(`${file}:${issue.line}: ${issue.message}`);
  return { document: { slug, file, data: parsed.data, body, bodyLineOffset, model }, problems };
}

/** The text a document publishes, as its source prints it (title included when printed). */
export function documentSourceText(document: LoadedDocument): string {
  const { data, model } = document;
  const title = data.titleEditorial ? '' : (data.titleInSource ?? data.title);
  return `${title}\n${model.sourceText}`;
}

export function checkFidelity(document: LoadedDocument, corpus: Pick<Corpus, 'seeds' | 'exclusions'>): string[] {
  const problems: string[] = [];
  const spans = document.data.sources;
  const primary = spans.filter((span) => span.role === 'primary');
  let primaryText = '';
  const lines: number[] = [];
  for (const span of primary) {
    const part = spanText(corpus.seeds, span, corpus.exclusions);
    primaryText += part.text;
    lines.push(...part.lines);
  }
  const mismatch = firstMismatch(documentSourceText(document), { text: primaryText, lines });
  if (mismatch) problems.push(describeMismatch(document.file, mismatch));
  for (const erratum of document.data.errata) {
    const onLine = primary.some((span) => {
      const line = corpus.seeds.get(span.file)?.[erratum.line - 1];
      return (
        line !== undefined &&
        erratum.line >= span.from &&
        erratum.line <= span.to &&
        canonicalText(line).includes(canonicalText(erratum.original))
      );
    });
    if (!onLine)
      problems.push(
        `${document.file}: 勘误 ${erratum.id} 的 original “${erratum.original}” 不在来源第 ${erratum.line} 行`,
      );
  }
  for (const span of spans.filter((s) => s.role === 'duplicate')) {
    const duplicate = spanText(corpus.seeds, span, corpus.exclusions).text;
    if (!duplicateMatches(duplicate, primaryText, span.variants)) {
      problems.push(
        `${document.file}: 重复副本 ${span.file} 第 ${span.from}–${span.to} 行与正文来源不一致（差异须在 variants 中声明）`,
      );
    }
  }
  return problems;
}

/** Document numbers are cited (D05, D05-03) and must name one document. */
export function checkDocumentIds(documents: readonly LoadedDocument[]): string[] {
  const owner = new Map<string, string>();
  const problems: string[] = [];
  for (const document of documents) {
    const first = owner.get(document.data.docId);
    if (first) problems.push(`${document.file}: frontmatter 字段 docId: ${document.data.docId} 已由 ${first} 使用`);
    else owner.set(document.data.docId, document.file);
  }
  return problems;
}

export function checkCoverage(corpus: Corpus): string[] {
  const ranges = corpus.documents.flatMap((document) =>
    document.data.sources.map((span) => ({
      ...span,
      label: `${document.slug}（${span.file} ${span.from}–${span.to}）`,
    })),
  );
  const problems = overlappingRanges(ranges);
  const claimed = [...ranges, ...corpus.exclusions];
  for (const line of uncoveredLines(corpus.seeds, claimed)) {
    problems.push(
      `${SOURCES_DIR}/${line.file}:${line.line}: 此行既不在任何已发布文件的来源范围内，也未列入排除清单：${line.text.slice(0, 30)}`,
    );
  }
  return problems;
}

/** Reads a YAML data file and validates it, naming the file and field of each problem. */
export function readDataFile<T>(root: string, file: string, schema: z.ZodType<T>): { data?: T; problems: string[] } {
  const parsed = schema.safeParse(parse(readFileSync(join(root, file), 'utf8')));
  if (parsed.success) return { data: parsed.data, problems: [] };
  return {
    problems: parsed.error.issues.map((issue) => `${file}: 字段 ${formatZodPath(issue.path)}: ${issue.message}`),
  };
}

export function readExclusions(root: string): { exclusions: Exclusion[]; problems: string[] } {
  const { data, problems } = readDataFile(root, EXCLUSIONS_FILE, exclusionListSchema);
  return { exclusions: data ?? [], problems };
}

export function loadCorpus(root: string): { corpus: Corpus; problems: string[] } {
  const seeds = readSeeds(root);
  const { exclusions, problems } = readExclusions(root);
  const documents: LoadedDocument[] = [];
  for (const name of readdirSync(join(root, DOCS_DIR))
    .filter((n) => n.endsWith('.mdx'))
    .sort()) {
    const file = `${DOCS_DIR}/${name}`;
    const result = readDocument(file, readFileSync(join(root, file), 'utf8'));
    problems.push(...result.problems);
    if (result.document) documents.push(result.document);
  }
  const corpus = { documents, seeds, exclusions };
  problems.push(...checkDocumentIds(documents));
  for (const document of documents) {
    try {
      problems.push(...checkFidelity(document, corpus));
    } catch (error) {
      problems.push(`${document.file}: ${(error as Error).message}`);
    }
  }
  problems.push(...checkCoverage(corpus));
  return { corpus, problems };
}
