// What the reader proposes must be importable: the new actors, the source and the new
// relationships form a bundle that validateBundle accepts against the graph they were read with.
import { describe, expect, it } from 'vitest';
import type { ArticleProposals } from '../../server/extract/emit.js';
import type { GraphContext } from '../../server/extract/graph.js';
import { lexicon } from '../../server/extract/lexicon.js';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from '../../server/model/bundle.js';
import { formatBundleError, validateBundle } from '../../server/model/validate.js';
import { read, SMALL_GRAPH } from './extract-helpers.js';

function asBundle(p: ArticleProposals) {
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    actors: p.actors.filter((a) => !a.existing).map(({ evidence: _e, existing: _x, ...a }) => a),
    sources: [p.source],
    relationships: p.relationships.filter((r) => !r.existing).map(({ evidence: _e, existing: _x, ...r }) => r),
  };
}

function known(graph: GraphContext) {
  return {
    actorKinds: new Map(graph.actors.map((a) => [a.id, a.kind])),
    sourceIds: new Set(['test-source']),
    relationships: new Map(graph.relationships.map((r) => [r.id, { type: r.type }])),
  };
}

describe('proposals as a bundle', () => {
  it('validates for an article of every lexicon example, read against a graph', () => {
    const text = [...lexicon.relations, ...lexicon.frames].map((e) => e.example.text).join('\n\n');
    const story =
      'South Korea said on Friday that North Korea had sent 1,500 troops to Russia. Russia denied the reports. ' +
      'Kim Jong Un has been sending weapons to Russia, Ukrainian officials said. Zelensky said the troops were deployed to Russia.';
    const p = read(`${text}\n\n${story}`, SMALL_GRAPH);
    expect(p.relationships.length).toBeGreaterThan(25);
    const result = validateBundle(asBundle(p), known(SMALL_GRAPH));
    expect(result.ok ? [] : result.errors.map(formatBundleError)).toEqual([]);
  });
});
