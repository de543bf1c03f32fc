// npm run ingest -- FILE... [--title T --publisher P --published YYYY-MM-DD --url U --kind K --id ID]:
// reads articles (the corpus front matter of `npm run extract`, or plain text with the source as
// flags) into the review queue, one progress line per file. Every file is checked before the first
// is ingested; an article ingested before with the same text is reported and left as it is.
import { GraphQLError } from 'graphql';
import { readConfig } from '../config.js';
import { createDriver, createExecutor } from '../db/executor.js';
import { ingestArticle, listProposals } from '../ingest/queue.js';
import { readArticles, SOURCE_FLAGS_USAGE } from './article-files.js';
import { runCommand } from './run.js';

const USAGE = `Usage: npm run ingest -- FILE... ${SOURCE_FLAGS_USAGE}`;

async function main(): Promise<number> {
  const read = readArticles(process.argv.slice(2), USAGE);
  if (typeof read === 'number') return read;
  const { args, articles } = read;
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
