// A deterministic generator of synthetic actor graphs for the benchmarks. The same seed and sizes
// always give the same bundle, byte for byte. Degrees follow a power law (a few hubs, a long tail),
// every relationship has a status, a confidence in its status's range, valid-time dates of mixed
// precision and one to three sources, and every relationship respects the vocabulary: its end
// kinds are ones its type allows, ACCUSES and DENIES name an earlier relationship in `about`, and
// alleged and denied ones name their claimant.

import { seededRandom } from '../server/analytics/random.js';
import {
  type Actor,
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  type Bundle,
  type Relationship,
  type Source,
} from '../server/model/bundle.js';
import { ACTOR_KINDS, vocabulary } from '../server/model/vocabulary.js';

export interface GraphSize {
  readonly name: string;
  readonly actors: number;
  readonly relationships: number;
}

export const SIZES: Readonly<Record<'S' | 'M' | 'L', GraphSize>> = Object.freeze({
  S: { name: 'S', actors: 1_000, relationships: 10_000 },
  M: { name: 'M', actors: 10_000, relationships: 100_000 },
  L: { name: 'L', actors: 50_000, relationships: 500_000 },
});

export interface GeneratorOptions {
  readonly actors: number;
  readonly relationships: number;
  readonly seed?: number;
  /** Zipf exponent of the endpoint weights; about 1 gives a few hubs with thousands of edges. */
  readonly skew?: number;
}

/** A generated graph is an ordinary bundle (server/model/bundle.ts), validated like any other. */
export type SyntheticBundle = Bundle;

/** The analytics' seeded generator (mulberry32): test data and answers draw from one PRNG. */
export const rng = seededRandom;

// Share of each kind among actors; kinds the vocabulary adds later get the remainder evenly.
const KIND_SHARE: Record<string, number> = { Country: 0.08, Person: 0.6, Organization: 0.32 };

// How often each type occurs (relative); types not listed get weight 1.
const TYPE_WEIGHT: Record<string, number> = {
  PLEDGES_SUPPORT_TO: 5,
  MET_WITH: 5,
  VISITED: 4,
  COOPERATES_WITH: 4,
  ACCUSES: 3,
  SUPPLIES_ARMS_TO: 2,
  REQUESTS_AID_FROM: 2,
  DENIES: 1.5,
  LEADS: 1,
  SERVES_IN: 2,
  ATTACKED: 1,
  SENDS_TROOPS_TO: 1,
  REQUESTS_PERMISSION_FROM: 1,
  INVADED: 0.3,
};

// Status mix and the confidence range of each (docs/model.md, "Confidence").
const STATUS_MIX: readonly [string, number, number, number][] = [
  ['fact', 0.55, 0.9, 1.0],
  ['reported', 0.15, 0.7, 0.85],
  ['alleged', 0.15, 0.4, 0.7],
  ['denied', 0.03, 0.1, 0.4],
  ['planned', 0.07, 0.6, 0.9],
  ['cancelled', 0.05, 0.8, 1.0],
];

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'tas',
  'vor',
  'du',
  'bel',
  'si',
  'an',
  'nor',
  'ta',
  'gri',
  'mar',
  'el',
  'zu',
  'pe',
  'ox',
  'ri',
  'sun',
  'dal',
  'ven',
  'co',
  'ha',
  'lin',
  'ust',
  'ber',
  'ya',
  'gon',
  'fi',
  'ro',
  'esh',
];
const ORG_WORDS = ['Council', 'Agency', 'Alliance', 'Monitors', 'Front', 'Institute', 'Union', 'Panel', 'Bureau'];
const PUBLISHERS = ['The Daily Ledger', 'Wire Service One', 'Evening Courier', 'Global Desk', 'Policy Review'];
const SOURCE_KINDS = ['article', 'article', 'article', 'report', 'statement', 'reference'] as const;

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Cumulative weights and a binary search: draws an index with probability proportional to weight. */
class WeightedPicker {
  private readonly cumulative: Float64Array;
  constructor(
    readonly items: readonly number[],
    weights: readonly number[],
  ) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      sum += weights[i] ?? 0;
      this.cumulative[i] = sum;
    }
  }
  pick(random: () => number): number {
    const total = this.cumulative[this.cumulative.length - 1] ?? 0;
    const x = random() * total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] ?? 0;
  }
}

function isoDay(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

const DAY_2000 = Date.UTC(2000, 0, 1) / 86_400_000;
const DAY_2025 = Date.UTC(2025, 0, 1) / 86_400_000;
const DAY_1990 = Date.UTC(1990, 0, 1) / 86_400_000;

/** A partial date of random precision for the given day. */
function partial(day: string, random: () => number): string {
  const r = random();
  if (r < 0.15) return day.slice(0, 4);
  if (r < 0.45) return day.slice(0, 7);
  return day;
}

/** Generates a bundle with exactly `actors` actors and `relationships` relationships. */
export function generateBundle(options: GeneratorOptions): SyntheticBundle {
  const random = rng(options.seed ?? 1);
  const skew = options.skew ?? 0.9;
  const nActors = options.actors;
  const nRels = options.relationships;
  if (nActors < 10) throw new Error('generateBundle needs at least 10 actors.');

  // Actors: kinds by share, names from syllables; every kind present.
  const shares = ACTOR_KINDS.map((k) => KIND_SHARE[k] ?? 0.1);
  const kindPicker = new WeightedPicker(
    ACTOR_KINDS.map((_, i) => i),
    shares,
  );
  const actors: Actor[] = [];
  const kindOf: string[] = [];
  for (let i = 0; i < nActors; i++) {
    const kind = i < ACTOR_KINDS.length ? (ACTOR_KINDS[i] as string) : (ACTOR_KINDS[kindPicker.pick(random)] as string);
    const word = () => SYLLABLES[Math.floor(random() * SYLLABLES.length)] as string;
    const stem = cap(word() + word() + (random() < 0.5 ? word() : ''));
    const name =
      kind === 'Person'
        ? `${cap(word() + word())} ${stem}`
        : kind === 'Organization'
          ? `${stem} ${ORG_WORDS[Math.floor(random() * ORG_WORDS.length)]}`
          : `${stem}ia`;
    const aliases = random() < 0.3 ? [`${stem.slice(0, 3).toUpperCase()}${i % 100}`] : [];
    const id = `${kind.toLowerCase()}-${pad(i, 6)}`;
    actors.push({
      id,
      kind,
      name,
      aliases,
      description: random() < 0.2 ? `Synthetic ${kind.toLowerCase()} ${i}.` : null,
    });
    kindOf.push(kind);
  }

  // Power-law endpoint weights: actor at rank r (a random permutation) weighs (r + 1)^-skew.
  const order = actors.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const weight = new Float64Array(nActors);
  order.forEach((actorIndex, rank) => {
    weight[actorIndex] = (rank + 1) ** -skew;
  });
  const pickers = new Map<string, WeightedPicker>();
  const pickerFor = (kinds: readonly string[]) => {
    const key = [...kinds].sort().join('|');
    let picker = pickers.get(key);
    if (!picker) {
      const items: number[] = [];
      const weights: number[] = [];
      for (let i = 0; i < nActors; i++) {
        if (kinds.includes(kindOf[i] as string)) {
          items.push(i);
          weights.push(weight[i] ?? 0);
        }
      }
      if (items.length < 2) throw new Error(`Too few actors of kinds ${key}.`);
      picker = new WeightedPicker(items, weights);
      pickers.set(key, picker);
    }
    return picker;
  };

  // Sources: one per 20 relationships (at least 20), published 2000–2024.
  const nSources = Math.max(20, Math.ceil(nRels / 20));
  const sources: Source[] = [];
  for (let i = 0; i < nSources; i++) {
    const published = isoDay(DAY_2000 + Math.floor(random() * (DAY_2025 - DAY_2000)));
    const kind = SOURCE_KINDS[Math.floor(random() * SOURCE_KINDS.length)] as Source['kind'];
    sources.push({
      id: `source-${pad(i, 6)}`,
      title: `Synthetic ${kind} ${i}`,
      publisher: PUBLISHERS[i % PUBLISHERS.length] as string,
      published,
      url: random() < 0.7 ? `https://example.org/${kind}/${i}` : null,
      kind,
    });
  }

  const types = vocabulary.relationshipTypes;
  const typePicker = new WeightedPicker(
    types.map((_, i) => i),
    types.map((t) => TYPE_WEIGHT[t.type] ?? 1),
  );
  const plainTypes = types.map((t, i) => (t.aboutClaim ? -1 : i)).filter((i) => i >= 0);
  const statusPicker = new WeightedPicker(
    STATUS_MIX.map((_, i) => i),
    STATUS_MIX.map((s) => s[1]),
  );

  const relationships: Relationship[] = [];
  const idWidth = Math.max(7, String(nRels).length);
  for (let i = 0; i < nRels; i++) {
    // The first relationships are never claims, so every claim has an earlier one to be about.
    const typeIndex = i < 10 ? (plainTypes[i % plainTypes.length] as number) : typePicker.pick(random);
    const info = types[typeIndex] as (typeof types)[number];
    const fromIndex = pickerFor(info.from).pick(random);
    let toIndex = pickerFor(info.to).pick(random);
    for (let tries = 0; toIndex === fromIndex && tries < 20; tries++) toIndex = pickerFor(info.to).pick(random);
    if (toIndex === fromIndex) toIndex = pickerFor(info.to).items.find((x) => x !== fromIndex) as number;
    const [status, , low, high] = STATUS_MIX[statusPicker.pick(random)] as (typeof STATUS_MIX)[number];
    const confidence = Math.round((low + random() * (high - low)) * 100) / 100;

    const nCited = 1 + Math.floor(random() * random() * 3);
    const cited = new Set<string>();
    while (cited.size < nCited) cited.add((sources[Math.floor(random() * nSources)] as Source).id);

    let validFrom: string | null = null;
    let validTo: string | null = null;
    if (random() < 0.85) {
      const start = DAY_1990 + Math.floor(random() * (DAY_2025 - DAY_1990));
      validFrom = partial(isoDay(start), random);
      if (info.temporal === 'event') {
        validTo = random() < 0.7 ? validFrom : null;
      } else if (random() < 0.4) {
        const end = start + 30 + Math.floor(random() * 3650);
        validTo = partial(isoDay(Math.min(end, DAY_2025 - 1)), random);
        if (validTo < validFrom) validTo = validFrom;
      }
    }

    const needsClaimant = status === 'alleged' || status === 'denied';
    const claimedBy =
      needsClaimant || random() < 0.05 ? (actors[pickerFor(ACTOR_KINDS).pick(random)] as Actor).id : null;
    const about = info.aboutClaim ? (relationships[Math.floor(random() * i)] as Relationship).id : null;
    const from = actors[fromIndex] as Actor;
    const to = actors[toIndex] as Actor;
    relationships.push({
      id: `rel-${pad(i, idWidth)}`,
      type: info.type,
      from: from.id,
      to: to.id,
      status,
      confidence,
      validFrom,
      validTo,
      summary: `${info.label}: ${from.name} and ${to.name} (synthetic record ${i}).`,
      sources: [...cited].sort(),
      claimedBy,
      about,
    });
  }

  return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, actors, sources, relationships };
}
