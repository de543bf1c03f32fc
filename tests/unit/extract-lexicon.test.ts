// The cue lexicon is data: every entry must name types and statuses of the vocabulary, and every
// entry must fire on the example sentence it carries (sentences written for this project).
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../server/extract/article.js';
import type { ArticleProposals } from '../../server/extract/emit.js';
import { extractArticle } from '../../server/extract/extract.js';
import { EMPTY_GRAPH } from '../../server/extract/graph.js';
import { type Example, lexicon, loadLexicon } from '../../server/extract/lexicon.js';
import rawCues from '../../server/model/cues.json' with { type: 'json' };

function read(text: string): ArticleProposals {
  return extractArticle(
    makeArticle(text, { published: '2024-11-20', id: 'example', title: 'Example' }, 'example'),
    EMPTY_GRAPH,
  );
}

function holds(proposals: ArticleProposals, expect: NonNullable<Example['expect']>): boolean {
  const byId = new Map(proposals.relationships.map((r) => [r.id, r]));
  return proposals.relationships.some((r) => {
    if (r.type !== expect.type || r.from !== expect.from) return false;
    if (expect.to !== undefined && r.to !== expect.to) return false;
    if (expect.status !== undefined && r.status !== expect.status) return false;
    if (!expect.about) return true;
    const about = r.about ? byId.get(r.about) : undefined;
    return (
      !!about &&
      about.type === expect.about.type &&
      about.from === expect.about.from &&
      about.to === expect.about.to &&
      (expect.about.status === undefined || about.status === expect.about.status)
    );
  });
}

describe('cue lexicon', () => {
  it('loads and names only vocabulary types, statuses and its own classes', () => {
    expect(lexicon.relations.length).toBeGreaterThan(10);
    const broken = structuredClone(rawCues) as { relations: { type: string }[]; modality: { status: string }[] };
    (broken.relations[0] as { type: string }).type = 'SENDS_FLOWERS_TO';
    (broken.modality[0] as { status: string }).status = 'rumoured';
    expect(() => loadLexicon(broken)).toThrow(/relations\.0\.type: unknown relationship type "SENDS_FLOWERS_TO"/);
    expect(() => loadLexicon(broken)).toThrow(/modality\.0\.status: unknown status "rumoured"/);
  });

  it('refuses a claim type as a relation cue: claims come from frames', () => {
    const broken = structuredClone(rawCues) as { relations: { type: string }[] };
    (broken.relations[0] as { type: string }).type = 'ACCUSES';
    expect(() => loadLexicon(broken)).toThrow(/is a claim type/);
  });

  const entries = [
    ...lexicon.relations.map((r) => ({ kind: 'relation', id: r.id, example: r.example })),
    ...lexicon.frames.map((f) => ({ kind: 'frame', id: f.id, example: f.example })),
  ];
  it.each(entries)('$kind $id reads its example', ({ example }) => {
    const proposals = read(example.text);
    if (example.expect === null) {
      expect(proposals.relationships.filter((r) => r.type !== 'LEADS' && r.type !== 'SERVES_IN')).toEqual([]);
      return;
    }
    const found = holds(proposals, example.expect);
    if (!found) {
      const got = proposals.relationships.map((r) => `${r.type} ${r.from} → ${r.to} (${r.status})`);
      expect({ text: example.text, got }).toEqual({ text: example.text, got: ['the expected relationship'] });
    }
    expect(found).toBe(true);
  });
});
