// The server's layers (docs/architecture.md): every import of every server file points down or
// sideways, never up; resolvers do not import each other; no server file reaches outside server/
// (the client, the benchmarks, the tests). It parses the imports, so a new file or an upward
// import fails here before anyone has to notice it in a review.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../server/config.js';

/** Lowest first. A file may import from its own layer or one below it. */
const LAYERS: readonly { name: string; holds: readonly string[] }[] = [
  { name: 'base', holds: ['server/config.ts', 'server/logger.ts'] },
  { name: 'model', holds: ['server/model/'] },
  { name: 'db', holds: ['server/db/'] },
  {
    name: 'domain',
    holds: ['server/import/', 'server/paths/', 'server/extract/', 'server/analytics/', 'server/ingest/'],
  },
  { name: 'graphql', holds: ['server/graphql/'] },
  { name: 'http', holds: ['server/http/'] },
  { name: 'app', holds: ['server/app.ts', 'server/startup.ts', 'server/main.ts', 'server/cli/'] },
];

const SERVER_DIR = path.join(ROOT_DIR, 'server');
const rel = (file: string) => path.relative(ROOT_DIR, file).split(path.sep).join('/');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The layer index of a repository path, or -1 when no layer holds it. */
function layerOf(file: string): number {
  return LAYERS.findIndex((layer) => layer.holds.some((h) => (h.endsWith('/') ? file.startsWith(h) : file === h)));
}

/** The relative imports of a TypeScript text (static, type-only, re-exports and dynamic), resolved. */
function importsOf(file: string, text: string): string[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => rel(path.resolve(path.dirname(path.join(ROOT_DIR, file)), spec)).replace(/\.js$/, '.ts'));
}

/** What is wrong with one import from `from` to `to` (repository paths), or null. */
function violation(from: string, to: string): string | null {
  if (!to.startsWith('server/')) return `${from} imports ${to}: the server imports nothing outside server/`;
  const a = layerOf(from);
  const b = layerOf(to);
  if (b === -1) return `${to} is in no layer: add its folder to LAYERS (tests/unit/layering.test.ts)`;
  if (b > a) {
    return `${from} imports ${to}: ${LAYERS[a]?.name} may not import ${LAYERS[b]?.name} (imports point down: ${LAYERS.map((l) => l.name).join(' < ')})`;
  }
  const resolvers = 'server/graphql/resolvers/';
  if (from.startsWith(resolvers) && to.startsWith(resolvers) && !from.endsWith('/index.ts')) {
    return `${from} imports ${to}: resolvers do not import each other (share through graphql/mappers.ts or pages.ts)`;
  }
  return null;
}

const files = sourceFiles(SERVER_DIR).map(rel).sort();
const graph = new Map(files.map((file) => [file, importsOf(file, fs.readFileSync(path.join(ROOT_DIR, file), 'utf8'))]));

describe('layering', () => {
  it('puts every server file in a layer', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(files.filter((f) => layerOf(f) === -1)).toEqual([]);
  });

  it('has every import point down or sideways, never up, and never out of server/', () => {
    const problems = [...graph].flatMap(([from, tos]) =>
      tos.map((to) => violation(from, to)).filter((p) => p !== null),
    );
    expect(problems).toEqual([]);
  });

  it('has no import cycle between the folders and files of server/', () => {
    // A folder of server/ is one unit (graphql/ and graphql/resolvers/ use each other by design).
    const unit = (file: string) => file.split('/').slice(0, 2).join('/');
    const edges = new Map<string, Set<string>>();
    for (const [from, tos] of graph) {
      for (const to of tos) {
        if (unit(from) === unit(to) || !graph.has(to)) continue;
        const set = edges.get(unit(from)) ?? new Set<string>();
        set.add(unit(to));
        edges.set(unit(from), set);
      }
    }
    const cycles: string[] = [];
    const walk = (node: string, trail: string[]) => {
      if (trail.includes(node)) {
        cycles.push([...trail.slice(trail.indexOf(node)), node].join(' → '));
        return;
      }
      for (const next of edges.get(node) ?? []) walk(next, [...trail, node]);
    };
    for (const node of edges.keys()) walk(node, []);
    expect([...new Set(cycles)]).toEqual([]);
  });

  it('would catch an upward import, a resolver importing a resolver, and a reach into the client', () => {
    expect(violation('server/paths/options.ts', 'server/graphql/pages.ts')).toMatch(/domain may not import graphql/);
    expect(violation('server/db/schema.ts', 'server/import/import-bundle.ts')).toMatch(/db may not import domain/);
    expect(violation('server/model/bundle.ts', 'server/config.ts')).toBeNull();
    expect(violation('server/graphql/resolvers/mutations.ts', 'server/graphql/resolvers/relationships.ts')).toMatch(
      /resolvers do not import each other/,
    );
    expect(violation('server/graphql/resolvers/index.ts', 'server/graphql/resolvers/actors.ts')).toBeNull();
    expect(violation('server/cli/loadtest.ts', 'client/src/api/operations.ts')).toMatch(/nothing outside server/);
    expect(violation('server/graphql/x.ts', 'server/elsewhere/y.ts')).toMatch(/in no layer/);
    expect(
      importsOf(
        'server/paths/x.ts',
        "import type { A } from '../db/rows.js';\nexport { b } from './b.js';\nconst c = await import('../graphql/c.js');",
      ),
    ).toEqual(['server/db/rows.ts', 'server/paths/b.ts', 'server/graphql/c.ts']);
  });
});
