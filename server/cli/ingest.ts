// npm run ingest -- FILE... [--title T --publisher P --published YYYY-MM-DD --url U --kind K --id ID]:
// reads articles (the corpus front matter of `npm run extract`, or plain text with the source as
// flags) into the review queue, one progress line per file. Every file is checked before the first
// is ingested; an article ingested before with the same text is reported and left as it is.
import { GraphQLError } from 'graphql';
import { readConfig } from '../config.js';
import { createDriver, createExecutor } from '../db/executor.js';
import { type Article, ArticleInputError, readArticleFile, type SourceFields } from '../extract/article.js';
import { ingestArticle, listProposals } from '../ingest/queue.js';
import { runCommand } from './run.js';

const USAGE =
  'Usage: npm run ingest -- FILE... [--title T] [--publisher P] [--published YYYY-MM-DD] [--url U] [--kind article|report|statement|reference] [--id ID]';
const FLAGS = new Set(['title', 'publisher', 'published', 'url', 'kind', 'id']);

function parseArgs(argv: readonly string[]): { files: string[]; source: SourceFields } | string {
  const files: string[] = [];
  const source: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
      if (!FLAGS.has(name)) return `unknown option --${name}`;
      const value = inline ?? argv[++i];
      if (value === undefined) return `--${name} needs a value`;
      source[name] = value;
    } else files.push(arg);
  }
  if (files.length === 0) return 'no FILE given';
  if (source.id !== undefined && files.length > 1) return '--id names one article; give one FILE with it';
  return { files, source };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(`error: ${args}\n${USAGE}`);
    return 2;
  }
  let articles: Article[];
  try {
    articles = args.files.map((f) => readArticleFile(f, args.source));
  } catch (error) {
    if (error instanceof ArticleInputError) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const config = readConfig();
  const executor = createExecutor({ driver: createDriver(config.neo4j), database: config.neo4j.database });
  try {
    let index = 0;
    for (const article of articles) {
      index++;
      const where = `[${index}/${articles.length}] ${args.files[index - 1]}`;
      try {
        const { created } = await ingestArticle(executor, article);
        const { totalCount } = await listProposals(executor, {
          source: article.source.id,
          states: ['OPEN'],
          after: null,
          limit: 1,
        });
        console.log(
          `${where}: ${created ? 'ingested' : 'already ingested, unchanged'} as ${article.source.id}, ${totalCount} open proposal${totalCount === 1 ? '' : 's'}`,
        );
      } catch (error) {
        if (error instanceof GraphQLError) {
          console.error(`error: ${where}: ${error.message}`);
          return 1;
        }
        throw error;
      }
    }
    return 0;
  } finally {
    await executor.close();
  }
}

runCommand(main);
