// npm run extract -- FILE... [--json] [--title T --publisher P --published YYYY-MM-DD --url U
// --kind K --id ID]: reads articles (corpus front matter or plain text with the source as flags)
// into proposals against the graph. It reads the graph through the executor and writes nothing.
import { GraphQLError } from 'graphql';
import { readConfig } from '../config.js';
import { createDriver, createExecutor } from '../db/executor.js';
import { type Article, ArticleInputError, readArticleFile, type SourceFields } from '../extract/article.js';
import type { ArticleProposals } from '../extract/emit.js';
import { extractArticle, proposalsDocument } from '../extract/extract.js';
import { loadGraphFor } from '../extract/load-graph.js';
import { runCommand } from './run.js';

const USAGE =
  'Usage: npm run extract -- FILE... [--json] [--title T] [--publisher P] [--published YYYY-MM-DD] [--url U] [--kind article|report|statement|reference] [--id ID]';
const FLAGS = new Set(['title', 'publisher', 'published', 'url', 'kind', 'id']);

interface ExtractArgs {
  files: string[];
  json: boolean;
  source: SourceFields;
}

function parseArgs(argv: readonly string[]): ExtractArgs | string {
  const files: string[] = [];
  const source: Record<string, string> = {};
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--json') json = true;
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
  return { files, json, source };
}

function describe(p: ArticleProposals): string {
  const names = new Map(p.actors.map((a) => [a.id, a.name]));
  const name = (id: string | null) => (id ? (names.get(id) ?? id) : '—');
  const lines = [`${p.source.id} (${p.source.publisher}, ${p.source.published})`];
  lines.push(`  actors: ${p.actors.map((a) => `${a.name}${a.existing ? '' : ' [new]'}`).join(', ') || 'none'}`);
  for (const r of p.relationships) {
    const when = r.validFrom ? ` ${r.validFrom}${r.validTo && r.validTo !== r.validFrom ? `–${r.validTo}` : ''}` : '';
    const about = r.about ? ` about ${r.about}` : '';
    lines.push(
      `  ${r.existing ? '=' : '+'} ${r.type} ${name(r.from)} → ${name(r.to)} (${r.status}, ${r.confidence})${when}${about}`,
    );
    for (const e of r.evidence)
      lines.push(`      [${e.start}, ${e.end}) ${e.text.length > 160 ? `${e.text.slice(0, 157)}...` : e.text}`);
  }
  lines.push(`  ${p.relationships.length} relationships (+ new, = already in the graph)`);
  return lines.join('\n');
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
    const results: ArticleProposals[] = [];
    for (const article of articles) results.push(extractArticle(article, await loadGraphFor(executor, article.text)));
    if (args.json) process.stdout.write(`${JSON.stringify(proposalsDocument(results))}\n`);
    else console.log(results.map(describe).join('\n\n'));
    return 0;
  } catch (error) {
    if (error instanceof GraphQLError) {
      console.error(`error: reading the graph at ${config.neo4j.uri} failed: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await executor.close();
  }
}

runCommand(main);
