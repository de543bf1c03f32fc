// The merge rules of review (server/ingest/merge.ts), the composed history, and the bundle's
// optional status history: pure functions, no database.
import { describe, expect, it } from 'vitest';
import type { RelationshipRow } from '../../server/db/rows.js';
import { asKnownOn, statusKnownOn } from '../../server/db/rows.js';
import { composeHistory } from '../../server/ingest/history.js';
import {
  CONFIDENCE_CAP,
  corroboratedConfidence,
  findMatch,
  sameStatement,
  statusChange,
  validTimesOverlap,
} from '../../server/ingest/merge.js';
import type { Relationship } from '../../server/model/bundle.js';
import { validateBundle } from '../../server/model/validate.js';

const rel = (over: Partial<Relationship> = {}): Relationship => ({
  id: 'north-korea-sends-troops-to-russia',
  type: 'SENDS_TROOPS_TO',
  from: 'north-korea',
  to: 'russia',
  status: 'alleged',
  confidence: 0.6,
  validFrom: '2024-10',
  validTo: null,
  summary: 'Troops are said to be sent.',
  sources: ['a'],
  claimedBy: 'ukraine',
  about: null,
  ...over,
});

describe('the confidence rule', () => {
  it('combines independent sources as 1 − Π(1 − c), capped, never lowering', () => {
    expect(corroboratedConfidence(0.6, 0.6, true)).toBe(0.84);
    expect(corroboratedConfidence(0.84, 0.6, true)).toBe(0.936);
    expect(corroboratedConfidence(0.95, 0.95, true)).toBe(CONFIDENCE_CAP);
    expect(corroboratedConfidence(0.99, 0.5, true)).toBe(0.99);
  });
  it('leaves it unchanged for a source of a publisher already cited', () => {
    expect(corroboratedConfidence(0.6, 0.9, false)).toBe(0.6);
  });
});

describe('the same statement', () => {
  it('needs the same type, ends, phase and about, and overlapping valid time', () => {
    const stored = rel();
    expect(sameStatement(rel({ id: 'other', validFrom: '2024-10-18', validTo: '2024-10-18' }), stored)).toBe(true);
    expect(sameStatement(rel({ id: 'other', validFrom: null }), stored)).toBe(true);
    expect(sameStatement(rel({ id: 'other', status: 'planned' }), stored)).toBe(false);
    expect(sameStatement(rel({ id: 'other', from: 'russia', to: 'north-korea' }), stored)).toBe(false);
    expect(sameStatement(rel({ id: 'other', type: 'SUPPLIES_ARMS_TO' }), stored)).toBe(false);
  });
  it('reads symmetric types either way round and events as their own period', () => {
    const met = rel({ type: 'MET_WITH', from: 'a', to: 'b', status: 'fact', validFrom: '2024-06', validTo: null });
    expect(sameStatement({ ...met, id: 'x', from: 'b', to: 'a' }, met)).toBe(true);
    expect(validTimesOverlap({ ...met, validFrom: '2024-07' }, met)).toBe(false);
  });
  it('prefers the record of the same id', () => {
    const a = rel({ id: 'first' });
    const b = rel({ id: 'north-korea-sends-troops-to-russia' });
    expect(findMatch(rel(), [a, b])?.id).toBe('north-korea-sends-troops-to-russia');
    expect(findMatch(rel({ id: 'new', type: 'SUPPLIES_ARMS_TO' }), [a, b])).toBeUndefined();
  });
});

describe('status changes', () => {
  it('a confirmation by a non-party makes an alleged relationship reported; by a party, nothing', () => {
    const target = rel();
    const confirms = rel({
      id: 'c',
      type: 'CONFIRMS',
      from: 'united-states',
      to: 'north-korea',
      status: 'fact',
      about: target.id,
    });
    expect(statusChange(confirms, target)).toMatchObject({ from: 'alleged', to: 'reported' });
    expect(statusChange({ ...confirms, from: 'russia' }, target)).toBeNull();
    expect(statusChange(confirms, { ...target, status: 'reported' })).toBeNull();
  });
  it('a report that a planned relationship took place makes it what the report says', () => {
    const planned = rel({ type: 'VISITED', from: 'joe-biden', to: 'germany', status: 'planned', claimedBy: null });
    expect(statusChange({ ...planned, id: 'v', status: 'fact' }, planned)).toMatchObject({
      from: 'planned',
      to: 'fact',
    });
    expect(statusChange({ ...planned, id: 'v', status: 'cancelled' }, planned)).toBeNull();
  });
});

describe('history', () => {
  const row = (over: Partial<RelationshipRow> = {}): RelationshipRow =>
    ({
      ...rel(),
      status: 'reported',
      validFrom: '2024-10-01',
      validFromPrecision: 'month',
      validTo: null,
      validToPrecision: null,
      knownSince: '2024-10-14',
      retractedAt: null,
      retractReason: null,
      sources: ['a', 'b', 'c'],
      historyDates: ['2024-10-24'],
      historyFrom: ['alleged'],
      historyTo: ['reported'],
      historySources: ['c'],
      historyBy: ['api'],
      historyNotes: [''],
      sourceRows: [
        { id: 'a', title: 'A', publisher: 'P', published: '2024-10-14', url: null, kind: 'article' },
        { id: 'b', title: 'B', publisher: 'Q', published: '2024-10-22', url: null, kind: 'article' },
        { id: 'c', title: 'C', publisher: 'R', published: '2024-10-24', url: null, kind: 'article' },
      ],
      ...over,
    }) as RelationshipRow;

  it('knows the status of each day, in Cypher and here alike', () => {
    expect(statusKnownOn(row(), '2024-10-20')).toBe('alleged');
    expect(statusKnownOn(row(), '2024-10-24')).toBe('reported');
    expect(statusKnownOn(row(), null)).toBe('reported');
    expect(asKnownOn([row()], '2024-10-20')[0]?.status).toBe('alleged');
  });

  it('composes recorded, corroborated, claims and status changes, oldest first', () => {
    const denial = row({ id: 'd', type: 'DENIES', knownSince: '2024-10-22', historyDates: [], sourceRows: [] });
    const items = composeHistory(row(), [denial]);
    expect(items.map((h) => [h.date, h.kind, h.status])).toEqual([
      ['2024-10-14', 'RECORDED', 'alleged'],
      ['2024-10-22', 'CORROBORATED', 'alleged'],
      ['2024-10-22', 'DENIED', 'alleged'],
      ['2024-10-24', 'STATUS_CHANGED', 'reported'],
    ]);
  });
});

describe('the bundle history field', () => {
  const bundle = (history: unknown, status = 'reported') => ({
    format: 'actor-graph-bundle',
    version: 1,
    actors: [
      { id: 'north-korea', kind: 'Country', name: 'North Korea' },
      { id: 'russia', kind: 'Country', name: 'Russia' },
      { id: 'ukraine', kind: 'Country', name: 'Ukraine' },
    ],
    sources: [
      { id: 'a', title: 'A', publisher: 'P', published: '2024-10-14', kind: 'article' },
      { id: 'c', title: 'C', publisher: 'R', published: '2024-10-24', kind: 'article' },
    ],
    relationships: [{ ...rel({ sources: ['a', 'c'], status }), history }],
  });
  it('accepts a chain of changes ending at the status, and keeps older bundles valid', () => {
    const ok = validateBundle(bundle([{ date: '2024-10-24', from: 'alleged', to: 'reported', source: 'c' }]));
    expect(ok.ok && ok.bundle.relationships[0]?.history).toEqual([
      { date: '2024-10-24', from: 'alleged', to: 'reported', source: 'c', by: null, note: null },
    ]);
    const none = validateBundle({ ...bundle(undefined, 'alleged') });
    expect(none.ok && 'history' in (none.bundle.relationships[0] ?? {})).toBe(false);
  });
  it('names what is wrong in a history', () => {
    const bad = validateBundle(bundle([{ date: '2024-10-24', from: 'alleged', to: 'fact', source: 'zz' }]));
    expect(bad.ok).toBe(false);
    const messages = bad.ok ? [] : bad.errors.map((e) => `${e.path}: ${e.message}`);
    expect(messages).toContain('relationships[0].history[0].source: unknown source "zz"');
    expect(messages).toContain('relationships[0].status: "reported" is not where the history ends ("fact")');
  });
});
