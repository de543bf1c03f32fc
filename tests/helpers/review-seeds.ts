// Development tool, not part of the product: re-makes the reviewed seed bundles of the dev corpus.
// On an EMPTY Neo4j named by NEO4J_URI/NEO4J_PASSWORD (or the managed one of NEO4J_BOLT_PORT), it
// loads the first seed bundle, ingests the five dev articles (../shared/corpus/dev beside the
// repository), accepts per article in date order what the dev gold lists (the US officials'
// statement of 23 Oct read as a confirmation, and the status change it raises), and writes for
// each article the records its review added or changed as seeds/<article id>.bundle.json.
// Summaries are the reader's sentences from the vocabulary's templates, never article text;
// tests/unit/no-copied-text.test.ts checks that.
//   npx tsx tests/helpers/review-seeds.ts
import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR, readConfig } from '../../server/config.js';
import { createDriver, createExecutor } from '../../server/db/executor.js';
import { applySchema } from '../../server/db/schema.js';
import { readArticleFile } from '../../server/extract/article.js';
import { parseGold, scoreArticle } from '../../server/extract/evaluate.js';
import { extractArticle } from '../../server/extract/extract.js';
import { loadGraphFor } from '../../server/extract/load-graph.js';
import { exportBundle } from '../../server/import/export-bundle.js';
import { importBundle, SEEDS_DIR } from '../../server/import/import-bundle.js';
import { acceptProposals, ingestArticle, listProposals } from '../../server/ingest/queue.js';
import type { Bundle } from '../../server/model/bundle.js';
import { RELATIONSHIP_TYPES } from '../../server/model/vocabulary.js';

const CORPUS = path.join(ROOT_DIR, '..', 'shared', 'corpus', 'dev');
const FIRST_SEED = path.join(SEEDS_DIR, '2024-10-14-north-korea-troops.bundle.json');
const TROOPS = 'north-korea-sends-troops-to-russia';
const BY = 'seed review';

async function main() {
  const config = readConfig();
  const executor = createExecutor({ driver: createDriver(config.neo4j), database: config.neo4j.database });
  try {
    const [row] = await executor.read('MATCH (n) RETURN count(n) AS n', {}, { operation: 'seeds-empty' });
    if (Number(row?.n) > 0) throw new Error('the database is not empty: this tool needs an empty one');
    await applySchema(executor, RELATIONSHIP_TYPES);
    await importBundle(executor, JSON.parse(fs.readFileSync(FIRST_SEED, 'utf8')));
    const gold = parseGold(JSON.parse(fs.readFileSync(path.join(CORPUS, 'gold.json'), 'utf8')), 'gold.json');
    const files = fs
      .readdirSync(CORPUS)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => path.join(CORPUS, f));
    const right = new Map<string, Set<string>>();
    for (const file of files) {
      const article = readArticleFile(file);
      const graph = await loadGraphFor(executor, article.text);
      right.set(file, new Set(scoreArticle(article.source.id, extractArticle(article, graph), gold, graph).rightIds));
      await ingestArticle(executor, article);
    }
    let before = await exportBundle(executor);
    for (const file of files) {
      const article = readArticleFile(file);
      const { rows } = await listProposals(executor, {
        source: article.source.id,
        states: null,
        after: null,
        limit: 1000,
      });
      const wanted = rows.filter(
        (p) => p.kind !== 'ACTOR' && p.relationship && right.get(file)?.has(p.relationship.id),
      );
      const us = wanted.find(
        (p) => p.relationship?.type === 'ACCUSES' && p.relationship.from === 'united-states' && p.target === TROOPS,
      );
      if (us) {
        const summary = 'US officials confirm that North Korean troops are in Russia.';
        await acceptProposals(executor, [{ id: us.id, edits: { type: 'CONFIRMS', summary } }], BY);
      }
      const rest = wanted.filter((p) => p !== us).map((p) => ({ id: p.id }));
      if (rest.length > 0) await acceptProposals(executor, rest, BY);
      const raised = await listProposals(executor, {
        source: article.source.id,
        states: ['OPEN'],
        after: null,
        limit: 1000,
      });
      const changes = raised.rows.filter((p) => p.kind === 'STATUS_CHANGE' && p.target === TROOPS);
      if (changes.length > 0)
        await acceptProposals(
          executor,
          changes.map((p) => ({ id: p.id })),
          BY,
        );
      const after = await exportBundle(executor);
      // The article's own source record was written at ingest; it belongs to its bundle.
      const bundle = difference(before, after);
      bundle.sources = after.sources.filter((s) => s.id === article.source.id);
      const out = path.join(SEEDS_DIR, `${article.source.id}.bundle.json`);
      fs.writeFileSync(out, `${JSON.stringify(bundle, null, 2)}\n`);
      console.log(
        `${path.relative(ROOT_DIR, out)}: ${bundle.actors.length} actors, ${bundle.relationships.length} relationships`,
      );
      before = after;
    }
  } finally {
    await executor.close();
  }
}

/** The records of `after` that are new or changed since `before`. */
function difference(before: Bundle, after: Bundle): Bundle {
  const changed = <T extends { id: string }>(a: T[], b: T[]) => {
    const old = new Map(a.map((r) => [r.id, JSON.stringify(r)]));
    return b.filter((r) => old.get(r.id) !== JSON.stringify(r));
  };
  return {
    format: after.format,
    version: after.version,
    actors: changed(before.actors, after.actors),
    sources: changed(before.sources, after.sources),
    relationships: changed(before.relationships, after.relationships),
  };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
