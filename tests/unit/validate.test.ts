import { describe, expect, it } from 'vitest';
import { computeKnownSince, formatBundleError, type KnownIds, validateBundle } from '../../server/model/validate.js';

type Json = Record<string, unknown>;

/** The element at i, or a thrown error: keeps the tests free of non-null assertions. */
function item<T>(array: T[], i: number): T {
  const value = array[i];
  if (value === undefined) throw new Error(`no element ${i}`);
  return value;
}

/** A small valid bundle; each test breaks one thing in a fresh copy. */
function base() {
  return {
    format: 'actor-graph-bundle',
    version: 1,
    actors: [
      { id: 'russia', kind: 'Country', name: 'Russia', aliases: ['Russian Federation'] },
      {
        id: 'north-korea',
        kind: 'Country',
        name: 'North Korea',
        aliases: ['DPRK'],
        description: 'A state in East Asia.',
      },
      { id: 'ukraine', kind: 'Country', name: 'Ukraine' },
      { id: 'joe-biden', kind: 'Person', name: 'Joe Biden' },
    ] as Json[],
    sources: [
      {
        id: 'article',
        title: 'An article',
        publisher: 'A publisher',
        published: '2024-10-14',
        url: null,
        kind: 'article',
      },
      {
        id: 'older',
        title: 'An older report',
        publisher: 'Someone',
        published: '2024-01-20',
        url: 'https://example.org/r',
        kind: 'report',
      },
    ] as Json[],
    relationships: [
      {
        id: 'nk-arms-ru',
        type: 'SUPPLIES_ARMS_TO',
        from: 'north-korea',
        to: 'russia',
        status: 'alleged',
        confidence: 0.6,
        validFrom: '2023',
        validTo: null,
        summary: 'Said to ship weapons.',
        sources: ['article'],
        claimedBy: 'ukraine',
        about: null,
      },
      {
        id: 'ua-accuses-nk',
        type: 'ACCUSES',
        from: 'ukraine',
        to: 'north-korea',
        status: 'fact',
        confidence: 0.95,
        summary: 'Ukraine made the accusation.',
        sources: ['article'],
        about: 'nk-arms-ru',
      },
    ] as Json[],
  };
}

type Bundle = ReturnType<typeof base>;

function messages(input: unknown, known?: KnownIds): string[] {
  const result = validateBundle(input, known);
  if (result.ok) return [];
  return result.errors.map(formatBundleError);
}

/** Applies a change to a fresh base bundle and returns the formatted errors. */
function errorsAfter(change: (b: Bundle) => void, known?: KnownIds): string[] {
  const b = base();
  change(b);
  return messages(b, known);
}

const rel = (b: Bundle, i: number) => b.relationships[i] as Json;

describe('validateBundle: a valid bundle', () => {
  it('is accepted and normalised: defaults filled, arrays sorted by id', () => {
    const result = validateBundle(base());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { bundle } = result;
    expect(bundle.actors.map((a) => a.id)).toEqual(['joe-biden', 'north-korea', 'russia', 'ukraine']);
    expect(bundle.sources.map((s) => s.id)).toEqual(['article', 'older']);
    expect(bundle.relationships.map((r) => r.id)).toEqual(['nk-arms-ru', 'ua-accuses-nk']);
    expect(bundle.actors.find((a) => a.id === 'ukraine')).toEqual({
      id: 'ukraine',
      kind: 'Country',
      name: 'Ukraine',
      aliases: [],
      description: null,
    });
    expect(bundle.relationships[1]).toMatchObject({
      validFrom: null,
      validTo: null,
      claimedBy: null,
      about: 'nk-arms-ru',
    });
  });

  it('round-trips byte for byte', () => {
    const first = validateBundle(base());
    if (!first.ok) throw new Error('base bundle must be valid');
    const again = validateBundle(JSON.parse(JSON.stringify(first.bundle)));
    if (!again.ok) throw new Error('normalised bundle must be valid');
    expect(JSON.stringify(again.bundle)).toBe(JSON.stringify(first.bundle));
  });

  it('collapses identical duplicates silently', () => {
    const b = base();
    b.actors.push(structuredClone(item(b.actors, 0)));
    b.sources.push({ ...item(b.sources, 0) });
    b.relationships.push(structuredClone(item(b.relationships, 0)));
    const result = validateBundle(b);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.bundle.actors).toHaveLength(4);
      expect(result.bundle.sources).toHaveLength(2);
      expect(result.bundle.relationships).toHaveLength(2);
    }
  });

  it('accepts references to what the database already holds, and a claim about a claim', () => {
    const known: KnownIds = {
      actorKinds: new Map([['germany', 'Country']]),
      sourceIds: new Set(['stored-source']),
      relationships: new Map([['stored-rel', { type: 'VISITED' }]]),
    };
    const errors = errorsAfter((b) => {
      b.relationships.push({
        id: 'ru-denies',
        type: 'DENIES',
        from: 'russia',
        to: 'germany',
        status: 'fact',
        confidence: 0.9,
        summary: 'Russia rejected it.',
        sources: ['stored-source'],
        about: 'ua-accuses-nk',
      });
      b.relationships.push({
        id: 'ua-accuses-de',
        type: 'ACCUSES',
        from: 'ukraine',
        to: 'germany',
        status: 'fact',
        confidence: 0.9,
        summary: 'About a stored relationship.',
        sources: ['article'],
        about: 'stored-rel',
      });
    }, known);
    expect(errors).toEqual([]);
  });
});

describe('validateBundle: each error has its own message', () => {
  it('rejects a value that is not an object', () => {
    expect(messages([])).toEqual(['a bundle must be a JSON object']);
  });

  it('rejects an unknown format and version', () => {
    expect(errorsAfter((b) => Object.assign(b, { format: 'other', version: 2 }))).toEqual([
      'format: expected "actor-graph-bundle", got "other"',
      'version: unsupported version 2 (this server reads version 1)',
    ]);
  });

  it('rejects a missing collection', () => {
    expect(errorsAfter((b) => delete (b as Partial<Bundle>).sources)).toContain(
      'sources: required (an array, possibly empty)',
    );
  });

  it('turns shape problems into record and field messages', () => {
    expect(
      errorsAfter((b) => {
        b.actors[0] = { id: 'Russia', kind: 'Country', name: '', colour: 'red' };
        rel(b, 0).confidence = 'high';
        delete rel(b, 0).summary;
      }),
    ).toEqual([
      'actors[0] (id Russia): id: expected a lower-case slug like "north-korea"',
      'actors[0] (id Russia): name: must not be empty',
      'actors[0] (id Russia): colour: unknown field',
      'relationships[0] (id nk-arms-ru): confidence: expected a number',
      'relationships[0] (id nk-arms-ru): summary: required',
    ]);
  });

  it('rejects a bad source kind and a non-http url', () => {
    expect(
      errorsAfter((b) => {
        Object.assign(item(b.sources, 1), { kind: 'blog', url: 'ftp://example.org' });
      }),
    ).toEqual([
      'sources[1] (id older): url: expected an http(s) URL or null',
      'sources[1] (id older): kind: expected one of article, report, statement, reference',
    ]);
  });

  it('rejects an unknown relationship type', () => {
    const errors = errorsAfter((b) => {
      rel(b, 0).type = 'ARMS';
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^relationships\[0\] \(id nk-arms-ru\): type: unknown relationship type "ARMS" \(expected one of ACCUSES, ALLIED_WITH, ATTACKED, .*VISITED\)$/,
    );
  });

  it('rejects an unknown actor kind', () => {
    expect(errorsAfter((b) => (item(b.actors, 0).kind = 'State'))).toEqual([
      'actors[0] (id russia): kind: unknown actor kind "State" (expected one of Country, Person, Organization)',
    ]);
  });

  it('rejects an unknown status', () => {
    expect(errorsAfter((b) => (rel(b, 1).status = 'rumoured'))).toEqual([
      'relationships[1] (id ua-accuses-nk): status: unknown status "rumoured" (expected one of fact, reported, alleged, denied, planned, cancelled)',
    ]);
  });

  it('rejects from, to and claimedBy that name no actor', () => {
    expect(
      errorsAfter((b) => {
        Object.assign(rel(b, 0), { from: 'north-koreaa', to: 'russsia', claimedBy: 'ukrain' });
      }),
    ).toEqual([
      'relationships[0] (id nk-arms-ru): from: unknown actor "north-koreaa"',
      'relationships[0] (id nk-arms-ru): to: unknown actor "russsia"',
      'relationships[0] (id nk-arms-ru): claimedBy: unknown actor "ukrain"',
    ]);
  });

  it('rejects a source reference to no source', () => {
    expect(errorsAfter((b) => (rel(b, 1).sources = ['article', 'missing']))).toEqual([
      'relationships[1] (id ua-accuses-nk): sources[1]: unknown source "missing"',
    ]);
  });

  it('requires at least one source', () => {
    expect(errorsAfter((b) => (rel(b, 1).sources = []))).toEqual([
      'relationships[1] (id ua-accuses-nk): sources: at least one source is required',
    ]);
  });

  it('rejects endpoint kinds the vocabulary forbids', () => {
    expect(errorsAfter((b) => (rel(b, 0).from = 'joe-biden'))).toEqual([
      'relationships[0] (id nk-arms-ru): from: actor "joe-biden" is a Person, but SUPPLIES_ARMS_TO allows Country, Organization',
    ]);
  });

  it('rejects malformed and impossible dates', () => {
    expect(errorsAfter((b) => Object.assign(rel(b, 0), { validFrom: '2023-02-30', validTo: '2023-13' }))).toEqual([
      'relationships[0] (id nk-arms-ru): validFrom: impossible date "2023-02-30": 2023-02 has 28 days',
      'relationships[0] (id nk-arms-ru): validTo: impossible date "2023-13": month 13 does not exist',
    ]);
    expect(errorsAfter((b) => (rel(b, 0).validFrom = '99999'))).toEqual([
      'relationships[0] (id nk-arms-ru): validFrom: malformed date "99999" (expected YYYY, YYYY-MM or YYYY-MM-DD)',
    ]);
  });

  it('rejects validTo before validFrom, but not an overlap of precisions', () => {
    expect(errorsAfter((b) => Object.assign(rel(b, 0), { validFrom: '2023-05', validTo: '2023-04-30' }))).toEqual([
      'relationships[0] (id nk-arms-ru): validTo: "2023-04-30" ends before validFrom "2023-05" begins',
    ]);
    expect(errorsAfter((b) => Object.assign(rel(b, 0), { validFrom: '2023-05-20', validTo: '2023-05' }))).toEqual([]);
  });

  it('requires published to be a full, real day', () => {
    expect(errorsAfter((b) => (item(b.sources, 0).published = '2024-10'))).toEqual([
      'sources[0] (id article): published: expected a full date YYYY-MM-DD, got "2024-10"',
    ]);
    expect(errorsAfter((b) => (item(b.sources, 0).published = '2023-02-29'))).toEqual([
      'sources[0] (id article): published: impossible date "2023-02-29": 2023-02 has 28 days',
    ]);
  });

  it('rejects confidence outside [0, 1]', () => {
    expect(errorsAfter((b) => (rel(b, 0).confidence = 1.2))).toEqual([
      'relationships[0] (id nk-arms-ru): confidence: 1.2 is outside [0, 1]',
    ]);
  });

  it('requires about on the claim types (ACCUSES, CONFIRMS, DENIES)', () => {
    expect(errorsAfter((b) => (rel(b, 1).about = null))).toEqual([
      'relationships[1] (id ua-accuses-nk): about: required for ACCUSES: the id of the relationship the claim is about',
    ]);
  });

  it('forbids about on other types', () => {
    expect(errorsAfter((b) => (rel(b, 0).about = 'ua-accuses-nk'))).toEqual([
      'relationships[0] (id nk-arms-ru): about: only ACCUSES, CONFIRMS and DENIES may refer to another relationship',
    ]);
  });

  it('refuses a cycle of claims (A about B about A), naming it at each member', () => {
    const claim = (id: string, about: string): Json => ({
      id,
      type: 'DENIES',
      from: 'north-korea',
      to: 'ukraine',
      status: 'fact',
      confidence: 0.9,
      summary: 'A denial.',
      sources: ['article'],
      about,
    });
    const errors = errorsAfter((b) => {
      b.relationships.push(claim('deny-a', 'deny-b'), claim('deny-b', 'deny-a'));
    });
    expect(errors).toEqual([
      'relationships[2] (id deny-a): about: "about" goes round in a cycle (deny-a → deny-b → deny-a); a claim must lead back to a relationship that is about nothing',
      'relationships[3] (id deny-b): about: "about" goes round in a cycle (deny-b → deny-a → deny-b); a claim must lead back to a relationship that is about nothing',
    ]);
    // A chain that ends at a relationship about nothing is fine.
    expect(errorsAfter((b) => b.relationships.push(claim('deny-a', 'ua-accuses-nk')))).toEqual([]);
  });

  it('rejects about pointing at no relationship, or at itself', () => {
    expect(errorsAfter((b) => (rel(b, 1).about = 'nk-arms-rus'))).toEqual([
      'relationships[1] (id ua-accuses-nk): about: unknown relationship "nk-arms-rus"',
    ]);
    expect(errorsAfter((b) => (rel(b, 1).about = 'ua-accuses-nk'))).toEqual([
      'relationships[1] (id ua-accuses-nk): about: a relationship cannot be about itself',
    ]);
  });

  it('requires claimedBy when status is alleged or denied', () => {
    expect(errorsAfter((b) => (rel(b, 0).claimedBy = null))).toEqual([
      'relationships[0] (id nk-arms-ru): claimedBy: required when status is alleged (the party that makes the claim)',
    ]);
    expect(errorsAfter((b) => Object.assign(rel(b, 0), { status: 'denied', claimedBy: undefined }))).toEqual([
      'relationships[0] (id nk-arms-ru): claimedBy: required when status is denied (the party that denies the claim)',
    ]);
  });

  it('refuses a self-loop', () => {
    expect(errorsAfter((b) => (rel(b, 0).to = 'north-korea'))).toEqual([
      'relationships[0] (id nk-arms-ru): to: same actor as from ("north-korea"); a relationship cannot join an actor to itself',
    ]);
  });

  it('rejects duplicates with different content, naming both indexes', () => {
    expect(
      errorsAfter((b) => {
        b.actors.push({ id: 'russia', kind: 'Country', name: 'Russian Federation' });
        b.relationships.push({ ...rel(b, 0), confidence: 0.7 });
      }),
    ).toEqual([
      'actors[4] (id russia): id: duplicate id "russia" with different content (first at actors[0])',
      'relationships[2] (id nk-arms-ru): id: duplicate id "nk-arms-ru" with different content (first at relationships[0])',
    ]);
  });

  it('rejects a relationship id that the database holds under another type', () => {
    const known: KnownIds = {
      actorKinds: new Map(),
      sourceIds: new Set(),
      relationships: new Map([['nk-arms-ru', { type: 'VISITED' }]]),
    };
    expect(errorsAfter(() => {}, known)).toEqual([
      'relationships[0] (id nk-arms-ru): id: relationship "nk-arms-ru" already exists as VISITED; it cannot become SUPPLIES_ARMS_TO',
    ]);
  });

  it('rejects changing the kind of an actor the database holds', () => {
    const known: KnownIds = {
      actorKinds: new Map([['joe-biden', 'Country']]),
      sourceIds: new Set(),
      relationships: new Map(),
    };
    expect(errorsAfter(() => {}, known)).toEqual([
      'actors[3] (id joe-biden): kind: actor "joe-biden" already exists as a Country; an import cannot change its kind',
    ]);
  });

  it('collects every error rather than stopping at the first', () => {
    const errors = errorsAfter((b) => {
      item(b.actors, 0).kind = 'State';
      rel(b, 0).to = 'russsia';
      rel(b, 1).confidence = -1;
      item(b.sources, 0).published = 'soon';
    });
    expect(errors).toHaveLength(4);
  });

  it('does not report a reference to a record whose own shape is wrong a second time', () => {
    expect(errorsAfter((b) => (item(b.actors, 0).name = 42))).toEqual([
      'actors[0] (id russia): name: expected a string',
    ]);
  });
});

describe('formatBundleError', () => {
  it('names array, index, id and field', () => {
    expect(
      formatBundleError({ path: 'relationships[3].to', id: 'nk-troops-ru', message: 'unknown actor "russsia"' }),
    ).toBe('relationships[3] (id nk-troops-ru): to: unknown actor "russsia"');
    expect(formatBundleError({ path: 'actors[2]', message: 'expected an object' })).toBe(
      'actors[2]: expected an object',
    );
    expect(formatBundleError({ path: 'version', message: 'x' })).toBe('version: x');
  });
});

describe('computeKnownSince', () => {
  it('takes the earliest published date among the sources', () => {
    const published = new Map([
      ['article', '2024-10-14'],
      ['older', '2024-01-20'],
    ]);
    expect(computeKnownSince({ id: 'r', sources: ['article', 'older'] }, published)).toBe('2024-01-20');
    expect(computeKnownSince({ id: 'r', sources: ['article'] }, published)).toBe('2024-10-14');
    expect(() => computeKnownSince({ id: 'r', sources: ['nope'] }, published)).toThrow(
      'relationship "r" has no source with a known publication date',
    );
  });
});
