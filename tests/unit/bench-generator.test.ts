import { describe, expect, it } from 'vitest';
import { generateBundle, SIZES } from '../../bench/generator.js';
import { validateBundle } from '../../server/model/validate.js';
import { relationshipType } from '../../server/model/vocabulary.js';

describe('the synthetic graph generator', () => {
  it('gives the same bundle for the same seed, and another for another seed', () => {
    const a = generateBundle({ actors: 200, relationships: 2_000, seed: 7 });
    const b = generateBundle({ actors: 200, relationships: 2_000, seed: 7 });
    const c = generateBundle({ actors: 200, relationships: 2_000, seed: 8 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
  });

  it('makes an S bundle that validateBundle accepts, with the requested counts', () => {
    const bundle = generateBundle({ ...SIZES.S, seed: 1 });
    const result = validateBundle(bundle);
    if (!result.ok)
      throw new Error(
        result.errors
          .slice(0, 5)
          .map((e) => `${e.path}: ${e.message}`)
          .join('\n'),
      );
    expect(result.bundle.actors).toHaveLength(SIZES.S.actors);
    expect(result.bundle.relationships).toHaveLength(SIZES.S.relationships);
  });

  it('respects end kinds, the about rule and claimants, and has power-law degrees', () => {
    const bundle = generateBundle({ actors: 500, relationships: 5_000, seed: 3 });
    const kind = new Map(bundle.actors.map((a) => [a.id, a.kind]));
    const index = new Map(bundle.relationships.map((r, i) => [r.id, i]));
    const degree = new Map<string, number>();
    bundle.relationships.forEach((r, i) => {
      const info = relationshipType(r.type);
      expect(info).toBeDefined();
      expect(info?.from).toContain(kind.get(r.from));
      expect(info?.to).toContain(kind.get(r.to));
      expect(r.from).not.toBe(r.to);
      if (info?.aboutClaim) expect(index.get(r.about ?? '')).toBeLessThan(i);
      else expect(r.about).toBeNull();
      if (r.status === 'alleged' || r.status === 'denied') expect(r.claimedBy).not.toBeNull();
      expect(r.sources.length).toBeGreaterThan(0);
      for (const end of [r.from, r.to]) degree.set(end, (degree.get(end) ?? 0) + 1);
    });
    const degrees = [...degree.values()].sort((x, y) => y - x);
    const median = degrees[Math.floor(degrees.length / 2)] ?? 0;
    // A hub carries far more than the median actor: no uniform random graph does that.
    expect(degrees[0]).toBeGreaterThan(20 * median);
    expect(new Set(bundle.relationships.map((r) => r.status)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(bundle.actors.map((a) => a.kind)).size).toBe(new Set(kind.values()).size);
  });
});
