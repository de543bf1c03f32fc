// Projections for the analytics unit tests, built from bundles without a database: the same rows
// server/analytics/projection.ts reads (valid start or knowledge time as the day, claims' targets).
import fs from 'node:fs';
import path from 'node:path';
import type { Projection } from '../../server/analytics/signed-graph.js';
import { SEEDS_DIR } from '../../server/import/import-bundle.js';
import type { Bundle } from '../../server/model/bundle.js';
import { parsePartialDate } from '../../server/model/dates.js';

export function projectionOf(bundle: Bundle): Projection {
  const published = new Map(bundle.sources.map((s) => [s.id, s.published]));
  const ends = new Map(bundle.relationships.map((r) => [r.id, { type: r.type, from: r.from, to: r.to }]));
  const claimed = new Map<string, { type: string; from: string; to: string }>();
  for (const r of bundle.relationships) {
    const target = r.about ? ends.get(r.about) : undefined;
    if (r.about && target) claimed.set(r.about, target);
  }
  return {
    actors: bundle.actors.map((a) => ({
      id: a.id,
      kind: a.kind,
      name: a.name,
      aliases: a.aliases,
      description: a.description,
    })),
    edges: bundle.relationships.map((r) => ({
      id: r.id,
      type: r.type,
      from: r.from,
      to: r.to,
      status: r.status,
      confidence: r.confidence,
      day: r.validFrom
        ? parsePartialDate(r.validFrom).start
        : (r.sources.map((s) => published.get(s) ?? '9999-12-31').sort()[0] ?? ''),
      about: r.about,
    })),
    claimed,
  };
}

export function seedBundle(): Bundle {
  const file = fs.readdirSync(SEEDS_DIR).find((f) => f.endsWith('.bundle.json')) as string;
  return JSON.parse(fs.readFileSync(path.join(SEEDS_DIR, file), 'utf8')) as Bundle;
}
