// npm run extract -- FILE... [--json] [--title T --publisher P --published YYYY-MM-DD --url U
// --kind K --id ID]: reads articles (corpus front matter or plain text with the source as flags)
// into proposals against the graph. It reads the graph through the executor and writes nothing.
import { GraphQLError } from 'graphql';
import { readConfig } from '../config.js';
import { createDriver, createExecutor } from '../db/executor.js';
import type { ArticleProposals } from '../extract/emit.js';
import { extractArticle, proposalsDocument } from '../extract/extract.js';
import { loadGraphFor } from '../extract/load-graph.js';
import { readArticles, SOURCE_FLAGS_USAGE } from './article-files.js';
import { runCommand } from './run.js';

const USAGE = `Usage: npm run extract -- FILE... [--json] ${SOURCE_FLAGS_USAGE}`;

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
  const read = readArticles(process.argv.slice(2), USAGE, ['json']);
  if (typeof read === 'number') return read;
  const { args, articles } = read;
  const config = readConfig();
  const executor = createExecutor({ driver: createDriver(config.neo4j), database: config.neo4j.database });
  try {
    const results: ArticleProposals[] = [];
    for (const article of articles) results.push(extractArticle(article, await loadGraphFor(executor, article.text)));
    if (args.switches.has('json')) process.stdout.write(`${JSON.stringify(proposalsDocument(results))}\n`);
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
