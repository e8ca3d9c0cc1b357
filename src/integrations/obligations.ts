/**
 * Loads and checks the obligations data (content/obligations/<slug>.yaml)
 * against the corpus and the role vocabulary: schema, stable unique ids,
 * clause ids, verbatim quotes, roles, related ids, and the completeness lint
 * (every clause with cadence words is cited or deliberately excluded).
 * Every problem names the file, the obligation id (or clause) and the field.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { canonicalText } from '../lib/corpus/canonical';
import { cadenceWords, LINTED_KINDS, vocabularyPattern } from '../lib/obligations/lint';
import {
  cadenceVocabularySchema,
  documentObligationsSchema,
  retiredObligationsSchema,
  type CadenceVocabulary,
  type DocumentObligations,
} from '../schemas/obligation';
import type { Corpus } from './corpus';

export const OBLIGATIONS_DIR = 'content/obligations';
export const RETIRED_FILE = 'content/obligations-retired.yaml';
export const VOCABULARY_FILE = 'content/obligations-words.yaml';

export interface LoadedObligations {
  file: string;
  data: DocumentObligations;
}

function describePath(raw: unknown, path: readonly PropertyKey[]): string {
  const [list, index, ...rest] = path;
  const entry =
    typeof index === 'number' && raw && typeof raw === 'object'
      ? ((raw as Record<string, unknown[]>)[String(list)]?.[index] as Record<string, unknown> | undefined)
      : undefined;
  const field = rest.map(String).join('.');
  if (list === 'obligations' && typeof index === 'number')
    return `义务 ${String(entry?.id ?? `#${index + 1}`)} 字段 ${field || '(整条)'}`;
  if (typeof index === 'number')
    return `${String(list)} 第 ${index + 1} 项${entry?.clause ? `（条款 ${String(entry.clause)}）` : ''} 字段 ${field || '(整条)'}`;
  return `字段 ${path.map(String).join('.') || '(根)'}`;
}

export function readObligationFile(file: string, text: string): { data?: DocumentObligations; problems: string[] } {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    return { problems: [`${file}: YAML 无法解析：${(error as Error).message}`] };
  }
  const parsed = documentObligationsSchema.safeParse(raw);
  if (parsed.success) return { data: parsed.data, problems: [] };
  return {
    problems: parsed.error.issues.map((issue) => `${file}: ${describePath(raw, issue.path)}: ${issue.message}`),
  };
}

export function loadObligations(root: string): {
  files: LoadedObligations[];
  retired: Set<string>;
  vocabulary: CadenceVocabulary;
  problems: string[];
} {
  const problems: string[] = [];
  const files: LoadedObligations[] = [];
  for (const name of readdirSync(join(root, OBLIGATIONS_DIR))
    .filter((n) => n.endsWith('.yaml'))
    .sort()) {
    const file = `${OBLIGATIONS_DIR}/${name}`;
    const result = readObligationFile(file, readFileSync(join(root, file), 'utf8'));
    problems.push(...result.problems);
    if (result.data) files.push({ file, data: result.data });
  }
  const retired = new Set<string>();
  if (existsSync(join(root, RETIRED_FILE))) {
    const parsed = retiredObligationsSchema.safeParse(parse(readFileSync(join(root, RETIRED_FILE), 'utf8')) ?? []);
    if (parsed.success) parsed.data.forEach((entry) => retired.add(entry.id));
    else problems.push(...parsed.error.issues.map((i) => `${RETIRED_FILE}: ${i.path.join('.')}: ${i.message}`));
  }
  const words = cadenceVocabularySchema.safeParse(parse(readFileSync(join(root, VOCABULARY_FILE), 'utf8')));
  if (!words.success)
    problems.push(
      ...words.error.issues.map((i) => `${VOCABULARY_FILE}: 第 ${i.path.map(String).join('.')} 项: ${i.message}`),
    );
  return { files, retired, vocabulary: words.success ? words.data : [], problems };
}

export function checkObligations(
  files: readonly LoadedObligations[],
  corpus: Pick<Corpus, 'documents'>,
  roleIds: ReadonlySet<string>,
  retired: ReadonlySet<string>,
  vocabulary: CadenceVocabulary,
): string[] {
  const problems: string[] = [];
  const pattern = vocabularyPattern(vocabulary);
  const allIds = new Map<string, string>();
  for (const { file, data } of files) {
    for (const o of data.obligations) {
      const first = allIds.get(o.id);
      if (first) problems.push(`${file}: 义务 ${o.id} 字段 id: 与 ${first} 中的义务重复`);
      else allIds.set(o.id, file);
    }
  }
  const bySlug = new Map(files.map((f) => [f.data.document, f]));
  for (const document of corpus.documents) {
    if (!bySlug.has(document.slug))
      problems.push(
        `${OBLIGATIONS_DIR}/${document.slug}.yaml: 缺少该文件的义务清单（没有定期事项也须建立，列明 notObligations）`,
      );
  }

  for (const { file, data } of files) {
    if (!file.endsWith(`/${data.document}.yaml`))
      problems.push(`${file}: 字段 document: 应与文件名一致（${data.document}）`);
    const document = corpus.documents.find((d) => d.slug === data.document);
    if (!document) {
      problems.push(`${file}: 字段 document: 没有名为 ${data.document} 的已发布文件`);
      continue;
    }
    const blocks = new Map(document.model.blocks.map((block) => [block.id, block]));
    const checkQuote = (where: string, clause: string, quote: string) => {
      const block = blocks.get(clause);
      if (!block) {
        problems.push(`${file}: ${where} 字段 clause: ${document.slug} 中没有条款 ${clause}`);
        return;
      }
      const context = [
        block.text,
        ...document.model.blocks.filter((b) => b.parentId === clause && b.kind === 'attribution').map((b) => b.text),
      ];
      if (!context.some((text) => canonicalText(text).includes(canonicalText(quote))))
        problems.push(`${file}: ${where} 字段 quote: 引文不在条款 ${clause}（${block.locator}）中：「${quote}」`);
    };

    for (const o of data.obligations) {
      const where = `义务 ${o.id}`;
      if (!o.id.startsWith(`${document.data.docId}-`))
        problems.push(`${file}: ${where} 字段 id: 本文件的义务 id 须以 ${document.data.docId}- 开头`);
      if (retired.has(o.id)) problems.push(`${file}: ${where} 字段 id: 该 id 已停用，不能再用`);
      checkQuote(where, o.clause, o.quote);
      for (const role of o.roles)
        if (!roleIds.has(role)) problems.push(`${file}: ${where} 字段 roles: 未知角色 ${role}`);
      for (const id of o.related ?? []) {
        if (!allIds.has(id)) problems.push(`${file}: ${where} 字段 related: 没有义务 ${id}`);
        if (id === o.id) problems.push(`${file}: ${where} 字段 related: 不能关联自身`);
      }
    }
    data.roleDefinitions.forEach((definition, i) => {
      const where = `roleDefinitions 第 ${i + 1} 项`;
      if (!roleIds.has(definition.role)) problems.push(`${file}: ${where} 字段 role: 未知角色 ${definition.role}`);
      checkQuote(where, definition.clause, definition.quote);
    });

    for (const heading of data.accountability) {
      if (blocks.get(heading)?.kind !== 'heading')
        problems.push(`${file}: accountability ${heading} 字段 accountability: ${document.slug} 中没有这一标题`);
    }

    const cited = new Set(data.obligations.map((o) => o.clause));
    const excluded = new Map(data.notObligations.map((n) => [n.clause, n.reason]));
    for (const clause of excluded.keys()) {
      if (!blocks.has(clause))
        problems.push(`${file}: notObligations 条款 ${clause} 字段 clause: ${document.slug} 中没有此条款`);
      if (cited.has(clause)) problems.push(`${file}: notObligations 条款 ${clause}: 已被义务引用，不能同时列为非义务`);
    }
    for (const block of document.model.blocks) {
      if (!LINTED_KINDS.has(block.kind) || cited.has(block.id) || excluded.has(block.id)) continue;
      const words = cadenceWords(block.text, pattern);
      if (words.length > 0)
        problems.push(
          `${file}: 条款 ${block.id}（${block.locator}）含「${words.join('、')}」，既无义务引用，也未列入 notObligations`,
        );
    }
  }
  return problems;
}
