// The alliance analytics on the seed, through GraphQL over a real Neo4j: the two camps and what
// holds them, the top broker and why, the North Korea–Russia and Ukraine–Russia dyads, the filter
// meaning what it means elsewhere, bad arguments, and the cache: one projection per filter and
// version, shared by concurrent requests, and a write that changes the answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryEvent } from '../../server/db/executor.js';
import { BASE_SEED, seedDatabase } from '../../server/import/import-bundle.js';
import { resetDatabase, testApp } from '../helpers/db.js';

const TOKEN = 'test-token-analytics';
const events: QueryEvent[] = [];
const api = testApp({ API_TOKEN: TOKEN }, (e) => events.push(e));
afterAll(() => api.close());
beforeAll(async () => {
  await resetDatabase(api.executor);
  // The camps of the first article's graph; the reviewed articles after it change their members.
  await seedDatabase(api.executor, [BASE_SEED]);
}, 120_000);

type Data = Record<string, unknown>;
async function ask<T = Data>(query: string, variables: Record<string, unknown> = {}, headers = {}): Promise<T> {
  const result = await api.graphql<T>(query, variables, headers);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}
async function refused(query: string, variables: Record<string, unknown> = {}) {
  const result = await api.graphql(query, variables);
  expect(result.data ?? null).toBeNull();
  return result.errors?.[0];
}
const projections = () => events.filter((e) => e.operation === 'analytics-projection').length;

interface Bloc {
  id: string;
  name: string;
  size: number;
  cohesion: number;
  leader: { id: string };
  members: { id: string; name: string }[];
  relations: { bloc: { id: string }; cooperation: number; conflict: number; net: number; relationships: number }[];
  evidence: { reason: string; weight: number; adversary: { id: string } | null; relationship: { id: string } }[];
}
interface AlliancesAnswer {
  alliances: {
    actorCount: number;
    relationshipCount: number;
    graphVersion: string;
    frustration: { count: number; weight: number; hostileInside: number; friendlyAcross: number };
    blocs: Bloc[];
  };
}
const ALLIANCES = `query($filter: RelationshipFilter) {
  alliances(filter: $filter) {
    actorCount relationshipCount graphVersion
    frustration { count weight hostileInside friendlyAcross }
    blocs {
      id name size cohesion leader { id } members { id name }
      relations { bloc { id } cooperation conflict net relationships }
      evidence(first: 50) { reason weight adversary { id } relationship { id } }
    }
  }
}`;
const alliances = (filter: Data | null = null) => ask<AlliancesAnswer>(ALLIANCES, { filter }).then((d) => d.alliances);
const ids = (b: Bloc | undefined) => (b?.members ?? []).map((m) => m.id).sort();

describe('alliances on the seed', () => {
  it('finds Russia, North Korea and their leaders in one camp; Ukraine, the US, South Korea and theirs in the other', async () => {
    const a = await alliances();
    expect(a.blocs.map((b) => b.name)).toEqual(["Ukraine's camp", "Russia's camp"]);
    const [west, east] = a.blocs;
    expect(ids(east)).toEqual(['kim-jong-un', 'north-korea', 'russia', 'vladimir-putin']);
    expect(ids(west)).toEqual(
      expect.arrayContaining([
        'ukraine',
        'united-states',
        'south-korea',
        'volodymyr-zelenskyy',
        'joe-biden',
        'kim-yong-hyun',
      ]),
    );
    // Germany joins through Biden's trips, the only relationships it has.
    expect(ids(west)).toContain('germany');
    expect(a.frustration).toEqual({ count: 0, weight: 0, hostileInside: 0, friendlyAcross: 0 });
    expect(west?.relations).toEqual([expect.objectContaining({ bloc: { id: 'russia' }, cooperation: 0 })]);
    expect(west?.relations[0]?.net).toBeLessThan(0);
    expect(a.actorCount).toBe(11); // every actor but the UN monitors, who only claim
  });

  it('holds the western camp together by shared adversaries: its three states have no friendly tie of their own', async () => {
    const between = await ask<{ relationships: { nodes: { from: { id: string }; to: { id: string } }[] } }>(
      `{ relationships(filter: {involving: "ukraine"}, first: 500) { nodes { from { id } to { id } } } }`,
    );
    const partners = between.relationships.nodes.flatMap((r) => [r.from.id, r.to.id]);
    expect(partners).not.toContain('united-states');
    expect(partners).not.toContain('south-korea');

    const [west, east] = (await alliances()).blocs;
    const adversaries = new Set(
      west?.evidence.filter((e) => e.reason === 'SHARED_ADVERSARY').map((e) => e.adversary?.id),
    );
    expect([...adversaries].sort()).toEqual(['north-korea', 'russia']);
    expect(west?.evidence.map((e) => e.relationship.id)).toEqual(
      expect.arrayContaining([
        'ukraine-accuses-north-korea-of-arming-russia',
        'united-states-accuses-north-korea-of-arming-russia',
        'south-korea-accuses-north-korea-of-arming-russia',
      ]),
    );
    expect(east?.evidence[0]).toMatchObject({
      reason: 'TIE',
      relationship: { id: 'russia-cooperates-with-north-korea' },
    });
    for (const b of [west, east]) {
      const weights = b?.evidence.map((e) => e.weight) ?? [];
      expect(weights).toEqual([...weights].sort((x, y) => y - x));
    }
  });

  it('filters exactly as the relationship filter does', async () => {
    for (const filter of [
      { statuses: ['fact'] },
      { types: ['COOPERATES_WITH', 'LEADS', 'ACCUSES'] },
      { knownOn: '2024-06-30' },
      { asOf: '2024-06-15', minConfidence: 0.9 },
    ]) {
      const [a, count] = await Promise.all([
        alliances(filter),
        ask<{ relationships: { totalCount: number } }>(
          'query($filter: RelationshipFilter) { relationships(filter: $filter) { totalCount } }',
          { filter },
        ),
      ]);
      expect(a.relationshipCount, JSON.stringify(filter)).toBe(count.relationships.totalCount);
    }
    // As known on 2024-06-30 only the leaders' offices were known: four camps of a state and its leader.
    const known = await alliances({ knownOn: '2024-06-30' });
    expect(known.blocs.every((b) => b.size === 2)).toBe(true);
    expect(await alliances({ knownOn: '1990-01-01' })).toMatchObject({ blocs: [], actorCount: 0 });
  });
});

describe('centrality on the seed', () => {
  const CENTRALITY = `query($measure: CentralityMeasure!, $filter: RelationshipFilter, $top: Int) {
    centrality(measure: $measure, filter: $filter, top: $top) {
      measure exact sampled actorCount top { rank score actor { id } }
    }
  }`;
  type Answer = {
    centrality: {
      exact: boolean;
      sampled: number | null;
      actorCount: number;
      top: { rank: number; score: number; actor: { id: string } }[];
    };
  };
  const rank = (measure: string, filter: Data | null = null, top = 3) =>
    ask<Answer>(CENTRALITY, { measure, filter, top }).then((d) => d.centrality);

  it('finds North Korea the top broker: the accusers reach Russia’s camp only through it', async () => {
    const b = await rank('BETWEENNESS');
    expect(b).toMatchObject({ exact: true, sampled: null, actorCount: 11 });
    expect(b.top[0]?.actor.id).toBe('north-korea');
    expect(b.top.map((t) => t.rank)).toEqual([1, 2, 3]);
    // The US, South Korea and Zelenskyy touch Russia's side only by accusing North Korea: without
    // accusations North Korea brokers nothing and is no longer first.
    const without = await rank('BETWEENNESS', { excludeTypes: ['ACCUSES'] }, 11);
    const nk = without.top.find((t) => t.actor.id === 'north-korea');
    expect(without.top[0]?.actor.id).not.toBe('north-korea');
    expect(nk?.score ?? 0).toBeLessThan(b.top[0]?.score ?? 0);
  });

  it('ranks by degree and PageRank, and gives top actors only', async () => {
    expect((await rank('DEGREE')).top[0]).toEqual({ rank: 1, score: 0.8, actor: { id: 'north-korea' } });
    expect((await rank('PAGERANK', null, 2)).top.map((t) => t.actor.id)).toEqual(['north-korea', 'russia']);
  });
});

describe('dyads on the seed', () => {
  const DYAD = `query($a: ID!, $b: ID!, $bucket: DyadBucket, $withMembers: Boolean, $filter: RelationshipFilter) {
    dyad(a: $a, b: $b, bucket: $bucket, withMembers: $withMembers, filter: $filter) {
      a { id } b { id } bucket cooperation conflict net graphVersion
      periods { period start end cooperation conflict net events { day score direct relationship { id from { id } } } }
    }
  }`;
  type Period = {
    period: string;
    start: string;
    end: string;
    cooperation: number;
    conflict: number;
    net: number;
    events: { day: string; score: number; direct: boolean; relationship: { id: string; from: { id: string } } }[];
  };
  type Answer = { dyad: { cooperation: number; conflict: number; net: number; periods: Period[] } };
  const dyad = (a: string, b: string, extra: Data = {}) => ask<Answer>(DYAD, { a, b, ...extra }).then((d) => d.dyad);

  it('tells North Korea and Russia warming month by month, with Russia’s denial of the troops', async () => {
    const d = await dyad('north-korea', 'russia');
    expect(d.periods.map((p) => [p.period, p.cooperation, p.conflict])).toEqual([
      ['2022-02', 6.66, 0], // cooperation since the invasion (COOPERATES_WITH +7.4 × 0.9)
      ['2024-01', 6.64, 0], // the Hwasong-11 supply (SUPPLIES_ARMS_TO +8.3 × 0.8)
      ['2024-10', 5.395, 0], // the alleged arms supply (+8.3 × 0.65); the troops have no weight
    ]);
    const october = d.periods[2]?.events.map((e) => [e.relationship.id, e.direct, e.score]);
    expect(october).toEqual([
      ['north-korea-sends-troops-to-russia', true, 0],
      ['north-korea-supplies-arms-to-russia', true, 5.395],
      ['russia-denies-north-korean-troops-claim', false, 0],
    ]);
    expect(d).toMatchObject({ cooperation: 18.695, conflict: 0, net: 18.695 });
    // Both directions: the same history asked the other way round.
    const back = await dyad('russia', 'north-korea');
    expect(back.periods).toEqual(d.periods);
  });

  it('adds the leaders’ summits and pledge when their members count', async () => {
    const d = await dyad('north-korea', 'russia', { withMembers: true });
    expect(d.periods.map((p) => p.period)).toEqual(['2022-02', '2023-09', '2024-01', '2024-06', '2024-10']);
    const june = d.periods.find((p) => p.period === '2024-06');
    expect(june?.events.map((e) => e.relationship.id)).toEqual(
      expect.arrayContaining([
        'kim-jong-un-pledged-support-to-russia-2024-06',
        'vladimir-putin-visited-north-korea-2024-06',
      ]),
    );
    expect(d.cooperation).toBeGreaterThan(18.695);
  });

  it('tells Ukraine and Russia in conflict by year, with Russia’s denial about Ukraine’s strike', async () => {
    const d = await dyad('ukraine', 'russia', { bucket: 'YEAR' });
    expect(d.periods.map((p) => [p.period, p.start, p.end, p.cooperation, p.conflict, p.net])).toEqual([
      ['2022', '2022-01-01', '2022-12-31', 0, -9.9, -9.9], // the invasion (−10 × 0.99)
      ['2024', '2024-01-01', '2024-12-31', 0, -9, -9], // the Kharkiv strike (−10 × 0.9)
    ]);
    expect(d.periods[1]?.events.map((e) => [e.relationship.id, e.direct])).toEqual([
      ['russia-attacked-ukraine-kharkiv-2024-01-02', true],
      ['russia-denies-north-korean-officers-killed-claim', false],
    ]);
    const filtered = await dyad('ukraine', 'russia', { bucket: 'YEAR', filter: { asOf: '2023-06-01' } });
    expect(filtered.periods.map((p) => p.period)).toEqual(['2022']);
  });

  it('refuses the same actor twice and unknown actors, naming the argument', async () => {
    const same = await refused(DYAD, { a: 'russia', b: 'russia' });
    expect(same?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'b' });
    const unknown = await refused(DYAD, { a: 'atlantis', b: 'russia' });
    expect(unknown?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'a' });
    expect(unknown?.message).toContain('atlantis');
    const other = await refused(DYAD, { a: 'russia', b: 'atlantis' });
    expect(other?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'b' });
  });
});

describe('arguments', () => {
  it('refuses out-of-range sizes, naming the argument', async () => {
    const top = await refused('{ centrality(measure: DEGREE, top: 0) { actorCount } }');
    expect(top?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'top' });
    const evidence = await api.graphql('{ alliances { blocs { evidence(first: 51) { weight } } } }');
    expect(evidence.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    const filter = await refused('{ alliances(filter: {minConfidence: 2}) { actorCount } }');
    expect(filter?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.minConfidence' });
  });
});

describe('the cache', () => {
  const filter = { statuses: ['fact', 'alleged', 'reported', 'planned', 'cancelled'] };

  it('reads one projection per filter and version, shared by every measure and by concurrent requests', async () => {
    const before = projections();
    const answers = await Promise.all([alliances(filter), alliances(filter), alliances(filter)]);
    expect(answers[1]).toEqual(answers[0]);
    await ask('query($f: RelationshipFilter) { centrality(measure: PAGERANK, filter: $f) { actorCount } }', {
      f: filter,
    });
    await ask('query($f: RelationshipFilter) { dyad(a: "ukraine", b: "russia", filter: $f) { net } }', { f: filter });
    expect(projections() - before).toBe(1);
  });

  it('answers a repeated request with the graph version read alone, nested relationships included', async () => {
    const query = `{
      alliances { blocs { name members { name } evidence { relationship { id sentence from { name } sources { id } } } } }
      dyad(a: "north-korea", b: "russia") { periods { events { relationship { id summary validFrom { text } to { name } } } } }
    }`;
    const first = await ask(query);
    const before = events.length;
    expect(await ask(query)).toEqual(first);
    // One version read per analytics field; the relationships come with the cached answer.
    expect(events.slice(before).map((e) => e.operation)).toEqual(['graph-version', 'graph-version']);
  });

  it('answers differently after a write, at a new graph version', async () => {
    const before = await alliances(filter);
    expect(ids(before.blocs[0])).toContain('germany');
    for (const id of ['joe-biden-visit-to-germany-expected-2024-10', 'joe-biden-visit-to-germany-postponed-2024-10']) {
      await ask(
        'mutation($id: ID!) { retractRelationship(id: $id, reason: "test of the cache") { id } }',
        { id },
        { authorization: `Bearer ${TOKEN}` },
      );
    }
    const reads = projections();
    const after = await alliances(filter);
    expect(projections()).toBe(reads + 1);
    expect(after.graphVersion).not.toBe(before.graphVersion);
    expect(after.actorCount).toBe(before.actorCount - 1);
    expect(ids(after.blocs[0])).not.toContain('germany');
  });
});

describe('a relationship written around the app', () => {
  it('is refused whole when its row cannot be read, not misread', async () => {
    await api.executor.write(
      `MATCH (a:Actor {id: 'germany'}), (b:Actor {id: 'russia'})
       CREATE (a)-[:CONDEMNS {id: 'no slug', status: 'fact', confidence: 0.9, knownSince: date('2024-10-14'), sources: []}]->(b)`,
      {},
      { operation: 'test-raw-write' },
    );
    try {
      const result = await api.graphql('{ alliances(filter: {types: [CONDEMNS]}) { actorCount } }');
      expect(result.errors?.[0]?.message).toBe('Unexpected error.');
      expect(result.data ?? null).toBeNull();
    } finally {
      await api.executor.write('MATCH ()-[r {id: "no slug"}]->() DELETE r', {}, { operation: 'test-raw-write' });
    }
  });
});
