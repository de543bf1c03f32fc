// The benchmark's Targets table (the end of every report, and the README's Performance block):
// each target beside its figure, marked by the figure, from a report built here. No database.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiResult, LoadFigures } from '../../bench/api-bench.js';
import { renderReadmeBlock, targetRows } from '../../bench/report.js';
import type { BenchReport } from '../../bench/run.js';

const load = (p50: number): LoadFigures => ({
  requests: 10,
  rps: 5,
  p50,
  p99: p50 * 2,
  mean: p50,
  errors: 0,
  bytes: 100,
});
const api = (size: string, query: string, graphqlP50: number, rawP50: number): ApiResult => ({
  size,
  query,
  description: query,
  saturation: { graphql: load(graphqlP50), raw: load(rawP50) },
  fixedRate: null,
  p50Ratio: Math.round((graphqlP50 / rawP50) * 100) / 100,
  fixedP50Ratio: null,
  rpsRatio: 1,
});

function report(apiRows: ApiResult[]): BenchReport {
  return {
    run: 'full',
    startedAt: '2026-12-03T14:00:00.000Z',
    durationS: 1800,
    machine: {
      cpus: 2,
      cpuModel: 'test',
      memoryGiB: 23.5,
      node: 'v20',
      neo4j: '5.26.30 community',
      neo4jHeap: '8g',
      neo4jPageCache: '3g',
      platform: 'linux',
    },
    seed: 1,
    sizes: [],
    import: [],
    api: apiRows,
    analytics: [],
    client: null,
    extract: null,
    notes: [],
  };
}

describe('the benchmark targets table', () => {
  it('marks each hub neighbourhood against its own limit at M and L, and the ratio of every class', () => {
    const rows = targetRows(
      report([
        api('M', 'hub-neighborhood-1', 80, 70),
        api('L', 'hub-neighborhood-1', 150, 140),
        api('M', 'hub-neighborhood-2', 290, 200),
        api('S', 'hub-neighborhood-1', 500, 500),
      ]),
    );
    expect(rows).toContain('| hub-neighborhood-1 p50 at M | ≤ 100 ms | 80 ms | met |');
    expect(rows).toContain('| hub-neighborhood-1 p50 at L | ≤ 100 ms | 150 ms | **missed** |');
    expect(rows).toContain('| hub-neighborhood-2 p50 at M | ≤ 300 ms | 290 ms | met |');
    expect(rows).toContain('| GraphQL/raw p50 hub-neighborhood-2 at M | ≤ 1.2 | 1.45 | **missed** |');
    // S is not a size the hub targets are about.
    expect(rows.some((r) => r.startsWith('| hub-neighborhood-1 p50 at S'))).toBe(false);
  });

  it('gives the README a block naming the run, then the same rows', () => {
    const r = report([api('M', 'actor', 12, 10)]);
    const block = renderReadmeBlock(r).split('\n');
    expect(block[0]).toContain('2026-12-03 (30 minutes');
    expect(block[0]).toContain('heap 8g');
    expect(block.slice(-targetRows(r).length)).toEqual(targetRows(r));
  });

  it('finds the markers a complete run writes between in the README', () => {
    const readme = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    expect(readme).toMatch(
      /<!-- bench:targets -->\n[\s\S]*\| figure \| target \| measured \|[\s\S]*<!-- \/bench:targets -->/,
    );
  });
});
