// What the commands that read articles (extract, ingest) share: FILE... with the source record
// given as flags, and every file read and checked before the first is used.
import { type Article, ArticleInputError, readArticleFile, type SourceFields } from '../extract/article.js';

export const SOURCE_FLAGS_USAGE =
  '[--title T] [--publisher P] [--published YYYY-MM-DD] [--url U] [--kind article|report|statement|reference] [--id ID]';
const FLAGS = new Set(['title', 'publisher', 'published', 'url', 'kind', 'id']);

export interface ArticleArgs {
  readonly files: string[];
  readonly source: SourceFields;
  /** The command's own switches (flags without a value) that were given. */
  readonly switches: ReadonlySet<string>;
}

/** Parses FILE... and the source flags, plus the given value-less switches; a string says what is wrong. */
export function parseArticleArgs(argv: readonly string[], switches: readonly string[] = []): ArticleArgs | string {
  const files: string[] = [];
  const source: Record<string, string> = {};
  const given = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg.startsWith('--') && switches.includes(arg.slice(2))) given.add(arg.slice(2));
    else if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
      if (!FLAGS.has(name)) return `unknown option --${name}`;
      const value = inline ?? argv[++i];
      if (value === undefined) return `--${name} needs a value`;
      source[name] = value;
    } else files.push(arg);
  }
  if (files.length === 0) return 'no FILE given';
  if (source.id !== undefined && files.length > 1) return '--id names one article; give one FILE with it';
  return { files, source, switches: given };
}

/**
 * The command line's articles, each file read and checked; or, when one is unusable, the exit code
 * after printing why (2 for a wrong command line, 1 for a file that is not a readable article).
 */
export function readArticles(
  argv: readonly string[],
  usage: string,
  switches: readonly string[] = [],
): { args: ArticleArgs; articles: Article[] } | number {
  const args = parseArticleArgs(argv, switches);
  if (typeof args === 'string') {
    console.error(`error: ${args}\n${usage}`);
    return 2;
  }
  try {
    return { args, articles: args.files.map((f) => readArticleFile(f, args.source)) };
  } catch (error) {
    if (error instanceof ArticleInputError) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
