// Scores proposals against a gold file the way the corpus README defines it: recall of the must
// facts (a fact is found when a proposal states it, or when a proposal points, through `about`,
// at a relationship of the graph that states it), precision of the proposals (right when a fact
// of the article matches it, must or not, or when it is the relationship a matched claim points
// at), mustNot hits, and date agreement on the dated must facts.
import { z } from 'zod';
import { relationshipType } from '../model/vocabulary.js';
import type { ArticleProposals, RelationshipProposal } from './emit.js';
import { type GraphContext, normalizeName } from './graph.js';

const names = z.array(z.string()).min(1);
const aboutSchema = z.object({ from: names, type: names, to: names });
const factSchema = z.object({
  from: names,
  type: names,
  to: names.optional(),
  about: aboutSchema.optional(),
  status: z.array(z.string()).optional(),
  date: z.string().optional(),
  must: z.boolean().optional(),
  note: z.string().optional(),
  why: z.string().optional(),
});
const goldSchema = z.object({
  format: z.literal('actor-graph-extraction-gold'),
  version: z.literal(1),
  articles: z.record(
    z.string(),
    z.object({
      actors: z.array(z.string()).optional(),
      facts: z.array(factSchema),
      mustNot: z.array(factSchema).default([]),
    }),
  ),
});

export type Gold = z.infer<typeof goldSchema>;
export type GoldFact = z.infer<typeof factSchema>;

export function parseGold(input: unknown, where: string): Gold {
  const parsed = goldSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${where}: not a gold file: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return parsed.data;
}

export interface Totals {
  readonly must: number;
  readonly found: number;
  readonly proposals: number;
  readonly right: number;
  readonly mustNotHits: number;
  readonly dated: number;
  readonly datesRight: number;
}

export interface ArticleScore extends Totals {
  readonly id: string;
  readonly missed: readonly string[];
  readonly wrong: readonly string[];
  readonly wrongDates: readonly string[];
  readonly mustNotHit: readonly string[];
  /** Ids of the proposals a fact of the article matches (and of what matched claims point at). */
  readonly rightIds: readonly string[];
}

interface Rel {
  readonly id: string;
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly status: string;
  readonly validFrom: string | null;
  readonly about: string | null;
}

const describe = (f: GoldFact) =>
  `${f.from[0]} ${f.type.join('|')} ${f.about ? `[${f.about.from[0]} ${f.about.type.join('|')} ${f.about.to[0]}]` : f.to?.[0]}${f.date ? ` (${f.date})` : ''}`;

export function scoreArticle(id: string, proposals: ArticleProposals, gold: Gold, graph: GraphContext): ArticleScore {
  const article = gold.articles[id];
  const facts = article?.facts ?? [];
  const mustNot = article?.mustNot ?? [];
  const actorNames = new Map<string, Set<string>>();
  const addNames = (actorId: string, list: readonly string[]) => {
    const set = actorNames.get(actorId) ?? new Set<string>();
    for (const n of list) set.add(normalizeName(n));
    actorNames.set(actorId, set);
  };
  for (const a of graph.actors) addNames(a.id, [a.name, ...a.aliases]);
  for (const a of proposals.actors) addNames(a.id, [a.name, ...a.aliases]);
  const is = (actorId: string, wanted: readonly string[]) => {
    const set = actorNames.get(actorId);
    return !!set && wanted.some((w) => set.has(normalizeName(w)));
  };
  const rels = new Map<string, Rel>();
  for (const r of graph.relationships) rels.set(r.id, r);
  for (const r of proposals.relationships) rels.set(r.id, r);

  const statesRel = (r: Rel, f: { from: string[]; type: string[]; to?: string[] | undefined }) => {
    if (!f.type.includes(r.type) || !f.to) return false;
    if (is(r.from, f.from) && is(r.to, f.to)) return true;
    return relationshipType(r.type)?.directed === false && is(r.to, f.from) && is(r.from, f.to);
  };
  const matches = (r: Rel, f: GoldFact): boolean => {
    if (f.about) {
      if (!f.type.includes(r.type) || !is(r.from, f.from) || !r.about) return false;
      const about = rels.get(r.about);
      return !!about && statesRel(about, f.about);
    }
    if (f.status && !f.status.includes(r.status)) return false;
    return statesRel(r, f);
  };
  const pointedAt = proposals.relationships
    .flatMap((p) => (p.about ? [rels.get(p.about)] : []))
    .filter((r): r is Rel => !!r);

  const must = facts.filter((f) => f.must !== false);
  const missed: string[] = [];
  const wrongDates: string[] = [];
  let found = 0;
  let dated = 0;
  let datesRight = 0;
  for (const f of must) {
    const stating = [
      ...proposals.relationships.filter((p) => matches(p, f)),
      ...(f.about ? [] : pointedAt.filter((r) => matches(r, f))),
    ];
    if (stating.length > 0) found++;
    else missed.push(describe(f));
    if (f.date) {
      dated++;
      if (stating.some((r) => r.validFrom === f.date)) datesRight++;
      else
        wrongDates.push(
          `${describe(f)}: got ${[...new Set(stating.map((r) => r.validFrom ?? 'none'))].join(', ') || 'not found'}`,
        );
    }
  }

  const rightIds = new Set<string>();
  for (const p of proposals.relationships) {
    const fact = facts.find((f) => matches(p, f));
    if (!fact) continue;
    rightIds.add(p.id);
    if (fact.about && p.about) rightIds.add(p.about);
  }
  const wrong = proposals.relationships.filter((p) => !rightIds.has(p.id)).map((p) => label(p));
  const mustNotHit = proposals.relationships.filter((p) => mustNot.some((f) => matches(p, f))).map((p) => label(p));
  return {
    id,
    must: must.length,
    found,
    proposals: proposals.relationships.length,
    right: proposals.relationships.length - wrong.length,
    mustNotHits: mustNotHit.length,
    dated,
    datesRight,
    missed,
    wrong,
    wrongDates,
    mustNotHit,
    rightIds: [...rightIds].sort(),
  };
}

function label(p: RelationshipProposal): string {
  return `${p.id} (${p.type} ${p.from} → ${p.to}, ${p.status})`;
}

export function totals(scores: readonly ArticleScore[]): Totals {
  const sum = (k: keyof Totals) => scores.reduce((n, s) => n + (s[k] as number), 0);
  return {
    must: sum('must'),
    found: sum('found'),
    proposals: sum('proposals'),
    right: sum('right'),
    mustNotHits: sum('mustNotHits'),
    dated: sum('dated'),
    datesRight: sum('datesRight'),
  };
}

const ratio = (a: number, b: number) => (b === 0 ? '—' : (a / b).toFixed(2));

/** The table `npm run eval:extract` prints. */
export function formatScores(scores: readonly ArticleScore[]): string {
  const t = totals(scores);
  const rows = [
    '| article | recall (must) | precision | mustNot hits | dates (dated must) |',
    '|---|---|---|---|---|',
    ...[...scores, { id: '**total**', ...t }].map(
      (s) =>
        `| ${s.id} | ${s.found}/${s.must} = ${ratio(s.found, s.must)} | ${s.right}/${s.proposals} = ${ratio(s.right, s.proposals)} | ${s.mustNotHits} | ${s.datesRight}/${s.dated} = ${ratio(s.datesRight, s.dated)} |`,
    ),
  ];
  const notes: string[] = [];
  for (const s of scores) {
    for (const m of s.missed) notes.push(`missed   ${s.id}: ${m}`);
    for (const w of s.wrong) notes.push(`unmatched ${s.id}: ${w}`);
    for (const d of s.wrongDates) notes.push(`date     ${s.id}: ${d}`);
    for (const h of s.mustNotHit) notes.push(`MUSTNOT  ${s.id}: ${h}`);
  }
  return [...rows, '', ...notes].join('\n');
}
