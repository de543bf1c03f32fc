// An article in: its text and the source record it becomes. Two forms are read: the corpus form
// (a front matter of `key: value` lines between two `---` lines, then the text) and plain text
// with the source given beside it. Everything is checked before any reading starts, and each
// problem is named with the field or the place at fault.
import fs from 'node:fs';
import { SOURCE_KINDS, type Source, type SourceKind, sourceSchema } from '../model/bundle.js';
import { isIsoDay } from '../model/dates.js';

/** The longest text read, in UTF-8 bytes: a long feature is about 30 kB, a 100 kB text still fits. */
export const MAX_ARTICLE_BYTES = 256 * 1024;

export interface Article {
  readonly source: Source;
  /** The text as given, after any front matter; evidence offsets index into it. */
  readonly text: string;
}

/** What may be said about the source; all but `published` have defaults. */
export interface SourceFields {
  id?: string | null;
  title?: string | null;
  publisher?: string | null;
  published?: string | null;
  url?: string | null;
  kind?: string | null;
}

export class ArticleInputError extends Error {
  override name = 'ArticleInputError';
}

/** Bytes that must be UTF-8 text; a byte-order mark is dropped. */
export function decodeUtf8(bytes: Uint8Array, where: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ArticleInputError(`${where}: not UTF-8 text (re-save it as UTF-8)`);
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;
const FRONT_KEYS = new Set(['id', 'title', 'publisher', 'published', 'url', 'kind']);

/** Splits a corpus file into its front matter fields and its text; plain text has no fields. */
export function splitFrontMatter(raw: string, where: string): { fields: SourceFields; text: string } {
  const m = FRONT_MATTER.exec(raw);
  if (!m) return { fields: {}, text: raw };
  const fields: Record<string, string> = {};
  (m[1] ?? '').split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const colon = line.indexOf(':');
    const key = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!FRONT_KEYS.has(key)) {
      throw new ArticleInputError(
        `${where}: front matter line ${i + 2}: expected "key: value" with key one of ${[...FRONT_KEYS].join(', ')}, got "${line.slice(0, 60)}"`,
      );
    }
    fields[key] = line.slice(colon + 1).trim();
  });
  return { fields, text: raw.slice(m[0].length) };
}

/** A slug for ids: lower case, ASCII letters and digits joined by single hyphens. */
export function slugify(s: string, max = 80): string {
  const slug = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, max).replace(/-+$/, '');
}

/**
 * Checks text and source and returns the article. Later fields win over front matter: flags or
 * GraphQL arguments given beside a corpus file override what its front matter says.
 */
export function makeArticle(text: string, given: SourceFields, where: string): Article {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_ARTICLE_BYTES) {
    throw new ArticleInputError(
      `${where}: text is ${bytes} bytes, over the limit of ${MAX_ARTICLE_BYTES} bytes (split the article)`,
    );
  }
  if (text.trim() === '') throw new ArticleInputError(`${where}: the article text is empty`);
  const published = given.published?.trim();
  if (!published) throw new ArticleInputError(`${where}: published: required, the publication day YYYY-MM-DD`);
  if (!isIsoDay(published)) {
    throw new ArticleInputError(`${where}: published: "${published}" is not a date (expected YYYY-MM-DD)`);
  }
  const kind = given.kind?.trim() || 'article';
  if (!(SOURCE_KINDS as readonly string[]).includes(kind)) {
    throw new ArticleInputError(`${where}: kind: "${kind}" is not one of ${SOURCE_KINDS.join(', ')}`);
  }
  const title = given.title?.trim() || firstLine(text);
  const candidate = {
    id: given.id?.trim() || slugify(`${published} ${title}`),
    title,
    publisher: given.publisher?.trim() || 'unknown publisher',
    published,
    url: given.url?.trim() || null,
    kind: kind as SourceKind,
  };
  const parsed = sourceSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ArticleInputError(`${where}: ${issue?.path.join('.') || 'source'}: ${issue?.message ?? 'invalid'}`);
  }
  return { source: { ...candidate, url: candidate.url }, text };
}

/** Reads a corpus file or plain text (already decoded); `flags` fill or override the front matter. */
export function parseArticle(raw: string, flags: SourceFields, where: string): Article {
  const { fields, text } = splitFrontMatter(raw, where);
  const merged: SourceFields = { ...fields };
  for (const [key, value] of Object.entries(flags) as [keyof SourceFields, string | null | undefined][]) {
    if (value !== undefined && value !== null) merged[key] = value;
  }
  return makeArticle(text, merged, where);
}

function firstLine(text: string): string {
  const line = text.trim().split(/\r?\n/)[0] ?? '';
  return line.length > 120 ? `${line.slice(0, 117).trimEnd()}...` : line;
}

/** Reads and checks one file; every problem is an ArticleInputError naming the file. */
export function readArticleFile(file: string, source: SourceFields = {}): Article {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new ArticleInputError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (bytes.length > MAX_ARTICLE_BYTES) {
    throw new ArticleInputError(
      `${file}: ${bytes.length} bytes, over the limit of ${MAX_ARTICLE_BYTES} bytes (split the article)`,
    );
  }
  return parseArticle(decodeUtf8(bytes, file), source, file);
}
