import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Bundle, Relationship } from '../../server/model/bundle.js';
import { parsePartialDate } from '../../server/model/dates.js';
import { computeKnownSince, formatBundleError, validateBundle } from '../../server/model/validate.js';

const SEED_URL = new URL('../../seeds/2024-10-14-north-korea-troops.bundle.json', import.meta.url);
const ARTICLE = 'article-2024-10-14-north-korea-troops';
const seedText = readFileSync(SEED_URL, 'utf8');

function loadSeed(): Bundle {
  const result = validateBundle(JSON.parse(seedText));
  if (!result.ok) throw new Error(`seed is invalid:\n${result.errors.map(formatBundleError).join('\n')}`);
  return result.bundle;
}

const seed = loadSeed();
const rels = seed.relationships;

function find(type: string, from: string, to: string, status?: string): Relationship[] {
  return rels.filter(
    (r) => r.type === type && r.from === from && r.to === to && (status === undefined || r.status === status),
  );
}

function one(type: string, from: string, to: string, status?: string): Relationship {
  const found = find(type, from, to, status);
  expect(found, `${from} ${type} ${to}${status ? ` (${status})` : ''}`).toHaveLength(1);
  return found[0] as Relationship;
}

describe('seed 2024-10-14-north-korea-troops', () => {
  it('validates, and is stored in normal form (sorted, defaults filled, keys in order)', () => {
    // Compared after parsing: the file itself is laid out by the repository's JSON formatter.
    expect(JSON.stringify(JSON.parse(seedText))).toBe(JSON.stringify(seed));
  });

  it('has the core countries, the leaders and the other actors with the right kinds', () => {
    const kind = new Map(seed.actors.map((a) => [a.id, a.kind]));
    for (const id of ['russia', 'north-korea', 'ukraine', 'south-korea', 'united-states', 'germany']) {
      expect(kind.get(id), id).toBe('Country');
    }
    for (const id of ['vladimir-putin', 'kim-jong-un', 'volodymyr-zelenskyy', 'joe-biden', 'kim-yong-hyun']) {
      expect(kind.get(id), id).toBe('Person');
    }
    expect(kind.get('un-sanctions-monitors')).toBe('Organization');
  });

  it('carries aliases for search', () => {
    const aliases = new Map(seed.actors.map((a) => [a.id, a.aliases]));
    expect(aliases.get('north-korea')).toEqual(
      expect.arrayContaining(['DPRK', "Democratic People's Republic of Korea", 'Pyongyang']),
    );
    expect(aliases.get('russia')).toEqual(expect.arrayContaining(['Russian Federation', 'Moscow', 'Kremlin']));
    expect(aliases.get('united-states')).toEqual(expect.arrayContaining(['USA', 'US', 'Washington']));
    expect(aliases.get('south-korea')).toEqual(expect.arrayContaining(['Republic of Korea', 'ROK', 'Seoul']));
    expect(aliases.get('ukraine')).toContain('Kyiv');
    expect(aliases.get('kim-jong-un')).toContain('Kim Jong-un');
    expect(aliases.get('volodymyr-zelenskyy')).toEqual(expect.arrayContaining(['Zelensky', 'Zelenskiy']));
  });

  it('cites the article with its date and publisher, and background only with references that have URLs', () => {
    const article = seed.sources.find((s) => s.id === ARTICLE);
    expect(article).toMatchObject({ kind: 'article', published: '2024-10-14', url: null });
    for (const s of seed.sources.filter((x) => x.id !== ARTICLE)) {
      expect(s.kind, s.id).toBe('reference');
      expect(s.url, s.id).toMatch(/^https:\/\//);
    }
    // Every relationship rests on the article; references only add background dates.
    for (const r of rels) expect(r.sources, r.id).toContain(ARTICLE);
  });

  it('has leaders with valid time and the defence minister in office', () => {
    expect(one('LEADS', 'vladimir-putin', 'russia').validFrom).toBe('2012-05-07');
    expect(one('LEADS', 'kim-jong-un', 'north-korea').validFrom).toBe('2011-12');
    expect(one('LEADS', 'volodymyr-zelenskyy', 'ukraine').validFrom).toBe('2019-05-20');
    expect(one('LEADS', 'joe-biden', 'united-states').validFrom).toBe('2021-01-20');
    const minister = one('SERVES_IN', 'kim-yong-hyun', 'south-korea');
    expect(minister.summary).toMatch(/Minister of National Defense/);
    expect(minister.validFrom).toBe('2024-09-06');
  });

  it('models the arms claim once, with an accusation from each accuser pointing at it', () => {
    const arms = one('SUPPLIES_ARMS_TO', 'north-korea', 'russia', 'alleged');
    const accusers = rels.filter((r) => r.type === 'ACCUSES' && r.about === arms.id);
    expect(accusers.map((r) => r.from).sort()).toEqual([
      'south-korea',
      'ukraine',
      'united-states',
      'volodymyr-zelenskyy',
    ]);
    for (const r of accusers) {
      expect(r.to).toBe('north-korea');
      expect(r.status).toBe('fact');
    }
  });

  it('models the missile debris as reported evidence from the UN monitors, and the Kharkiv strike', () => {
    const debris = one('SUPPLIES_ARMS_TO', 'north-korea', 'russia', 'reported');
    expect(debris.claimedBy).toBe('un-sanctions-monitors');
    expect(debris.summary).toMatch(/Hwasong-11/);
    const strike = one('ATTACKED', 'russia', 'ukraine');
    expect(strike.summary).toMatch(/Kharkiv/);
    expect(parsePartialDate(strike.validFrom ?? '')).toMatchObject({ precision: 'day', start: '2024-01-02' });
  });

  it('models the troops claim with two accusers and a denial', () => {
    const troops = one('SENDS_TROOPS_TO', 'north-korea', 'russia', 'alleged');
    expect(troops.claimedBy).toBe('volodymyr-zelenskyy');
    const about = rels.filter((r) => r.about === troops.id);
    const accusers = about.filter((r) => r.type === 'ACCUSES').map((r) => r.from);
    expect(accusers.sort()).toEqual(['kim-yong-hyun', 'volodymyr-zelenskyy']);
    const denials = about.filter((r) => r.type === 'DENIES');
    expect(denials).toHaveLength(1);
    expect(denials[0]).toMatchObject({ from: 'russia', to: 'kim-yong-hyun', status: 'fact' });
  });

  it('models the alleged strike that killed North Korean officers, and its denial', () => {
    const strike = one('ATTACKED', 'ukraine', 'north-korea', 'alleged');
    expect(strike.claimedBy).toBe('kim-yong-hyun');
    expect(rels.filter((r) => r.type === 'DENIES' && r.about === strike.id && r.from === 'russia')).toHaveLength(1);
  });

  it('has the visits, meetings and pledge between Moscow and Pyongyang', () => {
    const kimTrip = one('VISITED', 'kim-jong-un', 'russia');
    expect(kimTrip.sources).toContain(ARTICLE);
    expect(one('MET_WITH', 'kim-jong-un', 'vladimir-putin').validFrom).toBe('2023-09');
    const putinTrip = one('VISITED', 'vladimir-putin', 'north-korea');
    expect(putinTrip.sources).toContain(ARTICLE);
    expect(one('PLEDGES_SUPPORT_TO', 'kim-jong-un', 'russia').validFrom).toBe('2024-06');
    expect(one('COOPERATES_WITH', 'russia', 'north-korea').status).toBe('fact');
  });

  it('has Biden trip to Germany both as called off and as expected', () => {
    const off = one('VISITED', 'joe-biden', 'germany', 'cancelled');
    expect([off.validFrom, off.validTo]).toEqual(['2024-10-07', '2024-10-13']);
    const expected = one('VISITED', 'joe-biden', 'germany', 'planned');
    expect([expected.validFrom, expected.validTo]).toEqual(['2024-10-14', '2024-10-20']);
  });

  it('resolves dates with the right precision', () => {
    const precision = (r: Relationship) => parsePartialDate(r.validFrom ?? '');
    expect(precision(one('INVADED', 'russia', 'ukraine'))).toMatchObject({ precision: 'month', start: '2022-02-01' });
    expect(one('INVADED', 'russia', 'ukraine').validTo).toBeNull();
    expect(precision(one('VISITED', 'kim-jong-un', 'russia'))).toMatchObject({
      precision: 'month',
      start: '2023-09-01',
    });
    expect(precision(one('VISITED', 'vladimir-putin', 'north-korea'))).toMatchObject({
      precision: 'month',
      start: '2024-06-01',
    });
    expect(precision(one('ATTACKED', 'russia', 'ukraine'))).toMatchObject({ precision: 'day', start: '2024-01-02' });
    const claim = rels.find(
      (r) =>
        r.type === 'ACCUSES' && r.from === 'volodymyr-zelenskyy' && r.about === 'north-korea-sends-troops-to-russia',
    );
    expect(claim && precision(claim)).toMatchObject({ precision: 'day', start: '2024-10-13' });
  });

  it('gives background relationships the knowledge time of their reference, the rest the article date', () => {
    const published = new Map(seed.sources.map((s) => [s.id, s.published]));
    expect(computeKnownSince(one('LEADS', 'volodymyr-zelenskyy', 'ukraine'), published)).toBe('2019-05-20');
    expect(computeKnownSince(one('SENDS_TROOPS_TO', 'north-korea', 'russia'), published)).toBe('2024-10-14');
  });

  it('uses confidences that follow the documented scale', () => {
    const ranges: Record<string, [number, number]> = {
      fact: [0.9, 1],
      reported: [0.7, 0.85],
      alleged: [0.4, 0.7],
      planned: [0.6, 0.9],
      cancelled: [0.8, 1],
    };
    for (const r of rels) {
      const range = ranges[r.status];
      expect(range, r.status).toBeDefined();
      if (!range) continue;
      expect(r.confidence, r.id).toBeGreaterThanOrEqual(range[0]);
      expect(r.confidence, r.id).toBeLessThanOrEqual(range[1]);
    }
  });
});
