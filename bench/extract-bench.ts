// The reader's speed on one core (Node runs the pipeline on one thread): articles per second on
// the dev corpus, and the time for one 100 kB text. The graph is the seed bundle held in memory,
// so the figure is the pipeline alone; the two graph reads of a real call come on top of it.
// The 100 kB text is made of the lexicon's own example sentences, never of corpus text.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../server/config.js';
import { type Article, makeArticle, readArticleFile } from '../server/extract/article.js';
import { extractArticle } from '../server/extract/extract.js';
import type { GraphContext } from '../server/extract/graph.js';
import { lexicon } from '../server/extract/lexicon.js';
import { BASE_SEED } from '../server/import/import-bundle.js';

export const EXTRACT_TARGET_PER_S = 50;

export interface ExtractResult {
  devArticles: number;
  devRuns: number;
  devArticlesPerS: number | null;
  devMsPerArticle: number | null;
  devWallPerS: number | null;
  bigBytes: number;
  bigSentences: number;
  bigMs: number;
  bigArticlesPerS: number;
}

function seedGraph(): GraphContext {
  const actors: GraphContext['actors'][number][] = [];
  const relationships: GraphContext['relationships'][number][] = [];
  for (const file of [BASE_SEED]) {
    const b = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const a of b.actors) actors.push({ aliases: [], description: null, ...a });
    for (const r of b.relationships)
      relationships.push({ validFrom: null, validTo: null, claimedBy: null, about: null, ...r });
  }
  return { actors, relationships };
}

export function bigText(bytes = 100 * 1024): string {
  const sentences = [...lexicon.relations, ...lexicon.frames].map((e) => e.example.text);
  const paragraphs: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = sentences
      .slice(i % sentences.length)
      .concat(sentences.slice(0, i % sentences.length))
      .slice(0, 6)
      .join(' ');
    paragraphs.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  return paragraphs.join('\n\n');
}

/**
 * Runs the articles until minMs of CPU time have passed. The figure is CPU time of this process
 * (user + system), so it says what one core does even when the shared machine is busy; the wall
 * time is kept beside it.
 */
function timeRuns(
  articles: readonly Article[],
  graph: GraphContext,
  minMs: number,
): { runs: number; ms: number; wallMs: number } {
  let runs = 0;
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const used = () => {
    const d = process.cpuUsage(cpu);
    return (d.user + d.system) / 1000;
  };
  while (used() < minMs || runs === 0) {
    for (const a of articles) extractArticle(a, graph);
    runs++;
  }
  return { runs, ms: used(), wallMs: performance.now() - wall };
}

export function benchExtract(options: { quick: boolean; log: (line: string) => void }): ExtractResult {
  const { quick, log } = options;
  const graph = seedGraph();
  const dir = path.join(ROOT_DIR, '..', 'shared', 'corpus', 'dev');
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.txt'))
        .sort()
    : [];
  const dev = files.map((f) => readArticleFile(path.join(dir, f)));
  let devArticlesPerS: number | null = null;
  let devMsPerArticle: number | null = null;
  let devRuns = 0;
  let devWallPerS: number | null = null;
  if (dev.length > 0) {
    timeRuns(dev, graph, 0); // warm-up: lexicon, model and gazetteer load once
    const { runs, ms, wallMs } = timeRuns(dev, graph, quick ? 2_000 : 8_000);
    devRuns = runs;
    devWallPerS = Math.round((runs * dev.length * 1000) / wallMs);
    devMsPerArticle = Math.round((ms / (runs * dev.length)) * 100) / 100;
    devArticlesPerS = Math.round((runs * dev.length * 1000) / ms);
    log(
      `dev corpus: ${dev.length} articles × ${runs} runs, ${devMsPerArticle} ms CPU each, ${devArticlesPerS} articles per CPU-second (${devWallPerS}/s by the wall clock)`,
    );
  } else log(`dev corpus not found at ${dir}: skipped`);
  const text = bigText();
  const big = makeArticle(text, { published: '2024-11-20', title: 'Bench text', id: 'bench-100k' }, 'bench');
  const { runs, ms } = timeRuns([big], graph, quick ? 1_000 : 4_000);
  const bigMs = Math.round(ms / runs);
  const bigSentences = text.split(/(?<=[.!?])\s+/).length;
  log(`100 kB text: ${Buffer.byteLength(text)} bytes, ${bigSentences} sentences, ${bigMs} ms each (${runs} runs)`);
  return {
    devArticles: dev.length,
    devRuns,
    devArticlesPerS,
    devMsPerArticle,
    devWallPerS,
    bigBytes: Buffer.byteLength(text),
    bigSentences,
    bigMs,
    bigArticlesPerS: Math.round((1000 / bigMs) * 100) / 100,
  };
}
