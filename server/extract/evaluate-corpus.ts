// Scores a corpus folder: every .txt article read against the graph the executor reaches, then
// compared with the folder's gold file. Used by npm run eval:extract and by the eval test.
import fs from 'node:fs';
import path from 'node:path';
import type { Executor } from '../db/executor.js';
import { readArticleFile } from './article.js';
import { type ArticleScore, parseGold, scoreArticle } from './evaluate.js';
import { extractArticle } from './extract.js';
import { loadGraphFor } from './load-graph.js';

export async function evaluateCorpus(executor: Executor, dir: string, goldFile: string): Promise<ArticleScore[]> {
  const gold = parseGold(JSON.parse(fs.readFileSync(goldFile, 'utf8')), goldFile);
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const scores = [];
  for (const file of files) {
    const article = readArticleFile(path.join(dir, file));
    const graph = await loadGraphFor(executor, article.text);
    scores.push(scoreArticle(article.source.id, extractArticle(article, graph), gold, graph));
  }
  return scores;
}
