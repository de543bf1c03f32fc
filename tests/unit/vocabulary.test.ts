import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ACTOR_KINDS,
  CLAIM_TYPES,
  cypherLabel,
  cypherType,
  EVENT_TYPES,
  isRelationshipType,
  KIND_NAME,
  loadVocabulary,
  RELATIONSHIP_TYPES,
  relationshipType,
  renderSentence,
  renderTemplate,
  STATUSES,
  SYMMETRIC_TYPES,
  TYPE_NAME,
  vocabulary,
} from '../../server/model/vocabulary.js';
import rawVocabulary from '../../server/model/vocabulary.json' with { type: 'json' };

/** The element at i, or a thrown error: keeps the tests free of non-null assertions. */
function item<T>(array: T[], i: number): T {
  const value = array[i];
  if (value === undefined) throw new Error(`no element ${i}`);
  return value;
}

const clone = (): Record<string, unknown> => structuredClone(rawVocabulary) as Record<string, unknown>;

describe('vocabulary', () => {
  it('has the required relationship types', () => {
    for (const type of [
      'SUPPLIES_ARMS_TO',
      'VISITED',
      'ACCUSES',
      'DENIES',
      'LEADS',
      'SERVES_IN',
      'SENDS_TROOPS_TO',
      'MET_WITH',
      'PLEDGES_SUPPORT_TO',
      'COOPERATES_WITH',
      'INVADED',
      'ATTACKED',
      'REQUESTS_AID_FROM',
      'ALLIED_WITH',
      'CONFIRMS',
      'GRANTS_PERMISSION_TO',
      'CONDEMNS',
      'PART_OF',
    ]) {
      expect(RELATIONSHIP_TYPES).toContain(type);
    }
  });

  it('has exactly the six statuses, and claimants are required for alleged and denied only', () => {
    expect([...STATUSES].sort()).toEqual(['alleged', 'cancelled', 'denied', 'fact', 'planned', 'reported']);
    const requiring = vocabulary.statuses.filter((s) => s.requiresClaimedBy).map((s) => s.status);
    expect(requiring.sort()).toEqual(['alleged', 'denied']);
  });

  it('uses names that are safe as Cypher labels and types', () => {
    for (const type of RELATIONSHIP_TYPES) expect(type).toMatch(TYPE_NAME);
    for (const kind of ACTOR_KINDS) expect(kind).toMatch(KIND_NAME);
    expect(ACTOR_KINDS).toEqual(expect.arrayContaining(['Country', 'Person', 'Organization']));
  });

  it('writes only vocabulary names into Cypher text', () => {
    expect(cypherType('MET_WITH')).toBe('MET_WITH');
    expect(cypherLabel('Country')).toBe('Country');
    for (const bad of ['KNOWS', 'met_with', 'MET_WITH]->() DETACH DELETE n //', '']) {
      expect(() => cypherType(bad)).toThrow(/not a relationship type of the vocabulary/);
    }
    for (const bad of ['Actor', 'country', 'Country:Person', '']) {
      expect(() => cypherLabel(bad)).toThrow(/not an actor kind of the vocabulary/);
    }
  });

  it('derives the symmetric and the event types from directed and temporal', () => {
    expect(SYMMETRIC_TYPES).toContain('MET_WITH');
    expect(SYMMETRIC_TYPES).not.toContain('ACCUSES');
    expect(EVENT_TYPES).toContain('VISITED');
    expect(EVENT_TYPES).not.toContain('LEADS');
    for (const t of vocabulary.relationshipTypes) {
      expect(SYMMETRIC_TYPES.includes(t.type), t.type).toBe(!t.directed);
      expect(EVENT_TYPES.includes(t.type), t.type).toBe(t.temporal === 'event');
    }
  });

  it('marks ACCUSES, CONFIRMS and DENIES as claims about claims, each with its stance', () => {
    const about = vocabulary.relationshipTypes.filter((t) => t.aboutClaim).map((t) => t.type);
    expect(about.sort()).toEqual(['ACCUSES', 'CONFIRMS', 'DENIES']);
    expect(CLAIM_TYPES).toEqual({ for: ['ACCUSES', 'CONFIRMS'], against: ['DENIES'] });
    for (const t of vocabulary.relationshipTypes) if (!t.aboutClaim) expect(t.stance, t.type).toBeNull();
  });

  it('refuses a claim type without a stance, and a stance on a type that is no claim', () => {
    const v = clone() as { relationshipTypes: { type: string; stance: string | null }[] };
    const accuses = v.relationshipTypes.findIndex((t) => t.type === 'ACCUSES');
    const leads = v.relationshipTypes.findIndex((t) => t.type === 'LEADS');
    item(v.relationshipTypes, accuses).stance = null;
    item(v.relationshipTypes, leads).stance = 'for';
    let message = '';
    try {
      loadVocabulary(v);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(`relationshipTypes.${accuses}.stance: a claim type needs a stance`);
    expect(message).toContain(`relationshipTypes.${leads}.stance: only claim types have a stance`);
  });

  it('tells a relationship as its status says', () => {
    expect(renderSentence('VISITED', 'fact', 'Joe Biden', 'Germany')).toBe('Joe Biden visited Germany');
    expect(renderSentence('VISITED', 'planned', 'Joe Biden', 'Germany')).toBe('Joe Biden planned to visit Germany');
    expect(renderSentence('VISITED', 'cancelled', 'Joe Biden', 'Germany')).toBe(
      'Joe Biden called off a plan to visit Germany',
    );
    expect(renderSentence('SENDS_TROOPS_TO', 'alleged', 'North Korea', 'Russia')).toBe(
      'North Korea is alleged to send troops to Russia',
    );
    expect(renderSentence('ATTACKED', 'alleged', 'Russia', 'Ukraine')).toBe(
      'Russia is alleged to have attacked Ukraine',
    );
    expect(renderSentence('SUPPLIES_ARMS_TO', 'reported', 'North Korea', 'Russia')).toBe(
      'North Korea is reported to supply arms to Russia',
    );
    expect(renderSentence('SENDS_TROOPS_TO', 'denied', 'North Korea', 'Russia')).toBe(
      'It is denied that North Korea sends troops to Russia',
    );
    expect(renderSentence('SUPPLIES_ARMS_TO', 'planned', 'South Korea', 'Ukraine')).toBe(
      'South Korea plans to supply arms to Ukraine',
    );
    expect(renderSentence('LEADS', 'alleged', 'A $1', 'B $&')).toBe('A $1 is alleged to lead B $&');
    expect(() => renderSentence('LEADS', 'rumoured', 'a', 'b')).toThrow('Unknown status "rumoured"');
  });

  it('marks MET_WITH and COOPERATES_WITH as symmetric', () => {
    expect(relationshipType('MET_WITH')?.directed).toBe(false);
    expect(relationshipType('COOPERATES_WITH')?.directed).toBe(false);
    expect(relationshipType('SUPPLIES_ARMS_TO')?.directed).toBe(true);
  });

  it('carries CAMEO codes and weights from the product table', () => {
    expect(relationshipType('SUPPLIES_ARMS_TO')).toMatchObject({ cameo: '072', weight: 8.3 });
    expect(relationshipType('ACCUSES')).toMatchObject({ cameo: '112', weight: -2 });
    expect(relationshipType('SENDS_TROOPS_TO')).toMatchObject({ cameo: null, weight: null });
    for (const t of vocabulary.relationshipTypes) {
      if (t.weight !== null) expect(Math.abs(t.weight)).toBeLessThanOrEqual(10);
    }
  });

  it('looks types up and renders templates', () => {
    expect(isRelationshipType('VISITED')).toBe(true);
    expect(isRelationshipType('visited')).toBe(false);
    expect(isRelationshipType('VISITED) DETACH DELETE n //')).toBe(false);
    expect(relationshipType('NOPE')).toBeUndefined();
    expect(renderTemplate('VISITED', 'Vladimir Putin', 'North Korea')).toBe('Vladimir Putin visited North Korea');
    expect(renderTemplate('SUPPLIES_ARMS_TO', 'A', 'B')).toBe('A supplies arms to B');
    // Replacement patterns inside names are kept literally.
    expect(renderTemplate('LEADS', 'X $& Y', 'Z')).toBe('X $& Y leads Z');
    expect(() => renderTemplate('NOPE', 'a', 'b')).toThrow('Unknown relationship type "NOPE"');
  });

  it('is frozen', () => {
    expect(Object.isFrozen(vocabulary)).toBe(true);
    expect(Object.isFrozen(vocabulary.relationshipTypes[0])).toBe(true);
    expect(Object.isFrozen(RELATIONSHIP_TYPES)).toBe(true);
  });

  it('refuses a type name that is not UPPER_SNAKE_CASE', () => {
    const v = clone() as { relationshipTypes: { type: string }[] };
    item(v.relationshipTypes, 0).type = 'Accuses`]-() DELETE';
    expect(() => loadVocabulary(v)).toThrow(/relationshipTypes\.0\.type: must be UPPER_SNAKE_CASE/);
  });

  it('refuses a kind name that is not PascalCase letters', () => {
    const v = clone() as { actorKinds: { kind: string }[] };
    item(v.actorKinds, 0).kind = 'Country:Admin';
    expect(() => loadVocabulary(v)).toThrow(/actorKinds\.0\.kind: must be PascalCase letters/);
  });

  it('refuses endpoint kinds that are not declared, and duplicate types', () => {
    const v = clone() as { relationshipTypes: { type: string; from: string[] }[] };
    item(v.relationshipTypes, 1).from = ['Country', 'Group'];
    item(v.relationshipTypes, 2).type = item(v.relationshipTypes, 0).type;
    let message = '';
    try {
      loadVocabulary(v);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('relationshipTypes.1.from.1: unknown actor kind "Group"');
    expect(message).toContain('relationshipTypes.2.type: duplicate type "ACCUSES"');
  });

  it('refuses a template without both placeholders, and an infinitive with {from}', () => {
    const v = clone() as { relationshipTypes: { template: string; infinitive: string }[] };
    item(v.relationshipTypes, 0).template = '{from} did something';
    item(v.relationshipTypes, 1).infinitive = '{from} attack {to}';
    let message = '';
    try {
      loadVocabulary(v);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/relationshipTypes\.0\.template: must start with "\{from\} " and contain \{to\}/);
    expect(message).toMatch(/relationshipTypes\.1\.infinitive: must contain \{to\} and not \{from\}/);
  });

  it('is listed in full in docs/model.md, with the same templates', () => {
    const doc = readFileSync(new URL('../../docs/model.md', import.meta.url), 'utf8');
    const rows = new Map(
      [...doc.matchAll(/^\| `([A-Z_]+)`\s*\| ([^|]+)\|/gm)].map((m) => [m[1] as string, (m[2] as string).trim()]),
    );
    expect([...rows.keys()].sort()).toEqual([...RELATIONSHIP_TYPES].sort());
    for (const t of vocabulary.relationshipTypes) expect(rows.get(t.type), t.type).toBe(t.template);
    for (const status of STATUSES) expect(doc).toMatch(new RegExp(`^\\| \`${status}\`\\s*\\|`, 'm'));
    for (const kind of ACTOR_KINDS) expect(doc).toMatch(new RegExp(`^\\| \`${kind}\`\\s*\\|`, 'm'));
  });
});
