// The Articles view's pure parts: evidence spans (overlapping ones too), the card's sentence, the
// review keys, the proposal form's choices and checks, the token keeper, the ghost preview, the
// history timeline and the view's URL.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../client/src/api/client.js';
import { confirmText, openOnes, outcome } from '../../client/src/articles/accept-all.js';
import { cardSentence, confidenceNumber, dateText, decisionText } from '../../client/src/articles/cards.js';
import {
  type ActorChoice,
  actorsFor,
  articleProblems,
  changedFields,
  type FormValues,
  fieldOfMessage,
  formInput,
  formProblems,
} from '../../client/src/articles/form.js';
import { ghostOf } from '../../client/src/articles/ghost.js';
import { timeline } from '../../client/src/articles/history.js';
import { moveFocus, REVIEW_KEYS, reviewAction } from '../../client/src/articles/keys.js';
import { segments, trimSpan } from '../../client/src/articles/spans.js';
import { TOKEN_KEY, TokenKeeper } from '../../client/src/articles/token.js';
import { buildStylesheet } from '../../client/src/graph/stylesheet.js';
import { DEFAULT_STATE, decodeState, encodeState } from '../../client/src/state/url-state.js';
import { vocabulary } from './client-fixtures.js';

describe('evidence spans', () => {
  const text = 'North Korea denied it. Seoul said troops went to Russia.';

  it('cuts overlapping spans into segments that list every proposal covering them', () => {
    // a: "Seoul said troops went", b: "troops went to Russia", c: "North Korea denied it."
    const a = { id: 'a', start: 23, end: 45 };
    const b = { id: 'b', start: 34, end: 55 };
    const c = { id: 'c', start: 0, end: 22 };
    const out = segments(text, [a, b, c]);
    expect(out.map((s) => [s.text, s.ids])).toEqual([
      ['North Korea denied it.', ['c']],
      [' ', []],
      ['Seoul said ', ['a']],
      ['troops went', ['a', 'b']],
      [' to Russia', ['b']],
      ['.', []],
    ]);
  });

  it('joins neighbouring segments of the same proposal and ignores empty, reversed or outside spans', () => {
    const out = segments(text, [
      { id: 'a', start: 0, end: 5 },
      { id: 'a', start: 5, end: 11 },
      { id: 'x', start: 9, end: 9 },
      { id: 'y', start: 12, end: 3 },
      { id: 'z', start: -10, end: 0 },
    ]);
    expect(out.map((s) => [s.text, s.ids])).toEqual([
      ['North Korea', ['a']],
      [text.slice(11), []],
    ]);
    expect(segments('', [{ id: 'a', start: 0, end: 4 }])).toEqual([]);
    // Two spans of one proposal side by side mark one segment.
    expect(
      segments('ab', [
        { id: 'p', start: 1, end: 2 },
        { id: 'p', start: 0, end: 1 },
      ]),
    ).toEqual([{ start: 0, end: 2, text: 'ab', ids: ['p'] }]);
  });

  it('always gives back the whole text, each segment marked by exactly the spans that cover it', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.array(
          fc.record({
            id: fc.constantFrom('p', 'q', 'r'),
            start: fc.integer({ min: -5, max: 70 }),
            end: fc.integer({ min: -5, max: 70 }),
          }),
          { maxLength: 6 },
        ),
        (t, spans) => {
          const out = segments(t, spans);
          expect(out.map((s) => s.text).join('')).toBe(t);
          for (const seg of out) {
            expect(seg.text).toBe(t.slice(seg.start, seg.end));
            // Every character of a segment is covered by exactly its proposals (a joined segment may
            // be covered by two spans of one proposal, one after the other).
            for (let c = seg.start; c < seg.end; c++) {
              const covering = new Set(spans.filter((s) => s.start <= c && c < s.end).map((s) => s.id));
              expect(new Set(seg.ids)).toEqual(covering);
            }
          }
        },
      ),
    );
  });

  it('trims a selection to its words, in either direction', () => {
    expect(trimSpan('  troops went  ', 0, 15)).toEqual({ start: 2, end: 13 });
    expect(trimSpan('  troops went  ', 15, 0)).toEqual({ start: 2, end: 13 });
    expect(trimSpan('a    b', 1, 5)).toBeNull();
  });
});

describe('the proposal card', () => {
  const denial = {
    kind: 'RELATIONSHIP',
    sentence: 'North Korea denies that it sends troops to Russia',
    confidence: 0.8,
    source: { published: '2024-10-22' },
    relationship: { validFrom: '2024-10-21' },
  };

  it('reads sentence — day — confidence', () => {
    expect(cardSentence(denial)).toBe(
      'North Korea denies that it sends troops to Russia — 21 Oct 2024 — confidence 0.8',
    );
  });

  it('falls back to the publication day, and gives actors no date', () => {
    expect(cardSentence({ ...denial, relationship: { validFrom: null } })).toMatch(/— 22 Oct 2024 —/);
    expect(cardSentence({ ...denial, kind: 'ACTOR', sentence: 'Kim Jong-gyu is a person', relationship: null })).toBe(
      'Kim Jong-gyu is a person — confidence 0.8',
    );
  });

  it('writes partial dates and confidences as a reader would', () => {
    expect(dateText('2024-10')).toBe('Oct 2024');
    expect(dateText('2024')).toBe('2024');
    expect(dateText('2024-10-07')).toBe('7 Oct 2024');
    expect(dateText('not a date')).toBe('not a date');
    expect(confidenceNumber(0.65)).toBe('0.65');
    expect(confidenceNumber(0.6666)).toBe('0.67');
    expect(confidenceNumber(1)).toBe('1');
  });

  it('says who decided, when and why', () => {
    expect(decisionText({ state: 'OPEN' })).toBeNull();
    expect(
      decisionText({
        state: 'REJECTED',
        decidedBy: 'ana',
        decidedAt: '2024-10-22T10:00:00Z',
        reason: 'not in the text',
      }),
    ).toBe('rejected by ana on 2024-10-22: not in the text');
    expect(decisionText({ state: 'ACCEPTED', decidedBy: null })).toBe('accepted');
  });
});

describe('the review keys', () => {
  it('maps j k a r e n to their actions, from one list', () => {
    expect(REVIEW_KEYS.map((k) => [k.key, reviewAction({ key: k.key })])).toEqual([
      ['j', 'next'],
      ['k', 'previous'],
      ['a', 'accept'],
      ['r', 'reject'],
      ['e', 'edit'],
      ['n', 'new'],
      ['A', 'accept-all'],
    ]);
    expect(new Set(REVIEW_KEYS.map((k) => k.key)).size).toBe(REVIEW_KEYS.length);
  });

  it('leaves typing, modified keys and other keys alone', () => {
    expect(reviewAction({ key: 'a', typing: true })).toBeNull();
    expect(reviewAction({ key: 'a', ctrlKey: true })).toBeNull();
    expect(reviewAction({ key: 'r', metaKey: true })).toBeNull();
    expect(reviewAction({ key: 'j', altKey: true })).toBeNull();
    expect(reviewAction({ key: 'J' })).toBeNull();
    expect(reviewAction({ key: 'x' })).toBeNull();
  });

  it('moves the focus within the list', () => {
    expect(moveFocus(0, 3, 'next')).toBe(1);
    expect(moveFocus(2, 3, 'next')).toBe(2);
    expect(moveFocus(0, 3, 'previous')).toBe(0);
    expect(moveFocus(-1, 3, 'next')).toBe(0);
    expect(moveFocus(-1, 3, 'previous')).toBe(2);
    expect(moveFocus(0, 0, 'next')).toBe(-1);
  });
});

describe('accept all', () => {
  const sent = ['a', 'b', 'c'].map((id) => ({ id, sentence: `Sentence ${id}`, state: 'OPEN' }));

  it('sends the open proposals, in the order shown, after saying how many', () => {
    const list = [
      { id: 'x', state: 'ACCEPTED' },
      { id: 'b', state: 'OPEN' },
      { id: 'y', state: 'REJECTED' },
      { id: 'a', state: 'OPEN' },
    ];
    expect(openOnes(list).map((p) => p.id)).toEqual(['b', 'a']);
    expect(confirmText(2)).toMatch(/^Accept all 2 open proposals of this article\? .*none is\.$/);
    expect(confirmText(1)).toMatch(/^Accept the open proposal of this article\?/);
  });

  it('counts what the answer says is accepted', () => {
    const all = outcome(
      sent,
      sent.map((p) => ({ id: p.id, state: 'ACCEPTED' })),
    );
    expect(all).toEqual({ accepted: 3, failed: [], text: '3 proposals accepted, 0 failed.' });
    const one = outcome(sent.slice(0, 1), [{ id: 'a', state: 'ACCEPTED' }]);
    expect(one.text).toBe('1 proposal accepted, 0 failed.');
  });

  it('fails the whole batch when the server refuses one, that one first with the server\u2019s reason', () => {
    const refused = outcome(sent, sent, {
      message: 'ids[1]: proposal "b" was rejected by bob (not in the text); a rejected proposal is not accepted',
      argument: 'ids[1]',
    });
    expect(refused.accepted).toBe(0);
    expect(refused.text).toBe('0 proposals accepted, 3 failed. Nothing was written.');
    expect(refused.failed.map((f) => [f.id, f.reason])).toEqual([
      ['b', 'proposal "b" was rejected by bob (not in the text); a rejected proposal is not accepted'],
      ['a', 'not written: the batch goes together, and another proposal of it could not be accepted'],
      ['c', 'not written: the batch goes together, and another proposal of it could not be accepted'],
    ]);
    expect(refused.failed[0]?.sentence).toBe('Sentence b');
  });

  it('gives every proposal the error when none is named, and counts what was written anyway', () => {
    const invalid = outcome(sent, sent, { message: 'Accepting would write an invalid record', argument: 'id' });
    expect(invalid.failed.map((f) => f.reason)).toEqual(Array(3).fill('Accepting would write an invalid record'));
    // A timeout whose write committed: the queue read again says they are accepted.
    const lost = outcome(
      sent,
      sent.map((p) => ({ id: p.id, state: 'ACCEPTED' })),
      { message: 'The query took too long and was stopped.', argument: null },
    );
    expect(lost).toMatchObject({ accepted: 3, failed: [], text: '3 proposals accepted, 0 failed.' });
  });
});

describe('the proposal form', () => {
  const types = vocabulary.types;
  const actors: ActorChoice[] = [
    { id: 'russia', name: 'Russia', kind: 'Country' },
    { id: 'kim-jong-un', name: 'Kim Jong Un', kind: 'Person' },
    { id: 'north-korea', name: 'North Korea', kind: 'Country' },
    { id: 'un-sanctions-monitors', name: 'UN sanctions monitors', kind: 'Organization' },
  ];
  const values: FormValues = {
    type: 'SENDS_TROOPS_TO',
    from: 'north-korea',
    to: 'russia',
    status: 'alleged',
    validFrom: '2024-10',
    validTo: '',
    confidence: '0.6',
    summary: '',
    claimedBy: 'kim-jong-un',
    about: '',
  };

  it('offers for each end only the kinds the vocabulary allows', () => {
    expect(actorsFor(types, 'LEADS', 'from', actors).map((a) => a.id)).toEqual(['kim-jong-un']);
    expect(actorsFor(types, 'LEADS', 'to', actors).map((a) => a.id)).toEqual([
      'north-korea',
      'russia',
      'un-sanctions-monitors',
    ]);
    expect(actorsFor(types, 'MET_WITH', 'to', actors).map((a) => a.id)).toEqual(['kim-jong-un']);
    expect(actorsFor(types, 'NO_SUCH_TYPE', 'from', actors)).toEqual([]);
  });

  it('names the field of each problem it can see', () => {
    expect(formProblems(values, types, actors)).toEqual([]);
    const bad = formProblems(
      { ...values, type: 'LEADS', to: '', validFrom: '14 Oct', confidence: '1.5' },
      types,
      actors,
    );
    expect(bad.map((p) => p.field)).toEqual(['from', 'to', 'validFrom', 'confidence']);
    expect(bad[0]?.message).toBe('LEADS takes Person here, not Country');
    expect(formProblems({ ...values, type: 'DENIES', about: '' }, types, actors).map((p) => p.field)).toEqual([
      'about',
    ]);
  });

  it('sends only what changed, numbers as numbers, empty fields left out', () => {
    expect(formInput(values)).toEqual({
      type: 'SENDS_TROOPS_TO',
      from: 'north-korea',
      to: 'russia',
      status: 'alleged',
      validFrom: '2024-10',
      confidence: 0.6,
      claimedBy: 'kim-jong-un',
    });
    expect(changedFields(values, values)).toEqual({});
    expect(changedFields(values, { ...values, status: 'reported', confidence: '0.75' })).toEqual({
      status: 'reported',
      confidence: 0.75,
    });
  });

  it('finds the field a server message names', () => {
    const fields = ['type', 'from', 'to', 'validFrom'] as const;
    expect(fieldOfMessage('edits.validFrom: "14 Oct" is not a date', fields)).toBe('validFrom');
    expect(fieldOfMessage('relationships[0] (id x): to: unknown actor "russsia"', fields)).toBe('to');
    expect(fieldOfMessage('Something else went wrong: try again', fields)).toBeNull();
    expect(fieldOfMessage('constructor: x', fields)).toBeNull();
  });

  it('checks an article before sending it', () => {
    const article = {
      text: 'Text',
      title: '',
      publisher: '',
      published: '2024-10-14',
      url: '',
      kind: 'article',
      id: '',
    };
    expect(articleProblems(article)).toEqual([]);
    expect(
      articleProblems({ ...article, text: '  ', published: '', url: 'javascript:alert(1)' }).map((p) => p.field),
    ).toEqual(['text', 'published', 'url']);
  });
});

describe('the API token', () => {
  const memory = () => {
    const map = new Map<string, string>();
    return {
      map,
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    };
  };

  it('asks once, keeps the token, and sends it with every write', async () => {
    const storage = memory();
    const asked: (string | null)[] = [];
    const keeper = new TokenKeeper(storage, async (why) => {
      asked.push(why);
      return ' secret ';
    });
    const sent: string[] = [];
    expect(await keeper.write(async (t) => sent.push(t))).toBe(1);
    await keeper.write(async (t) => sent.push(t));
    expect(sent).toEqual(['secret', 'secret']);
    expect(asked).toEqual([null]);
    expect(storage.map.get(TOKEN_KEY)).toBe('secret');
  });

  it('asks again with the server\u2019s message when the token is refused', async () => {
    const storage = memory();
    storage.setItem(TOKEN_KEY, 'old');
    const asked: (string | null)[] = [];
    const keeper = new TokenKeeper(storage, async (why) => {
      asked.push(why);
      return 'new';
    });
    const result = await keeper.write(async (t) => {
      if (t !== 'new') throw new ApiError('The bearer token is not valid for this server.', 'auth');
      return 'written';
    });
    expect(result).toBe('written');
    expect(asked).toEqual(['The bearer token is not valid for this server.']);
    expect(storage.map.get(TOKEN_KEY)).toBe('new');
  });

  it('stops when the user declines, and passes other errors through', async () => {
    const declined = new TokenKeeper(memory(), async () => null);
    await expect(declined.write(async () => 1)).rejects.toMatchObject({ kind: 'auth' });
    const storage = memory();
    storage.setItem(TOKEN_KEY, 't');
    const keeper = new TokenKeeper(storage, async () => 't');
    await expect(
      keeper.write(async () => {
        throw new ApiError('edits.to: unknown actor', 'request');
      }),
    ).rejects.toMatchObject({ kind: 'request' });
    expect(storage.map.get(TOKEN_KEY)).toBe('t');
  });
});

describe('the ghost preview', () => {
  const lookup = {
    drawn: (id: string) => ['north-korea', 'russia', 'north-korea-sends-troops-to-russia'].includes(id),
    name: (id: string) => (id === 'kim-jong-gyu' ? { name: 'Kim Jong-gyu', kind: 'Person' } : null),
  };
  const rel = {
    id: 'r1',
    type: 'SENDS_TROOPS_TO',
    from: 'north-korea',
    to: 'russia',
    status: 'alleged',
    confidence: 0.6,
  };

  it('draws a proposal between drawn actors as one ghost edge of its own id', () => {
    const ghost = ghostOf({ kind: 'RELATIONSHIP', relationship: rel }, lookup);
    expect(ghost?.elements).toEqual([
      {
        group: 'edges',
        data: {
          id: 'ghost:r1',
          source: 'north-korea',
          target: 'russia',
          type: 'SENDS_TROOPS_TO',
          status: 'alleged',
          confidence: 0.6,
          ghostOf: 'r1',
        },
      },
    ]);
    expect(ghost?.anchors).toEqual(['north-korea', 'russia']);
  });

  it('adds ghost actors for ends not drawn, and points at the stored relationship it concerns', () => {
    const ghost = ghostOf(
      {
        kind: 'STATUS_CHANGE',
        relationship: { ...rel, id: 'north-korea-sends-troops-to-russia', from: 'kim-jong-gyu' },
        target: { id: 'north-korea-sends-troops-to-russia' },
      },
      lookup,
    );
    expect(ghost?.elements.map((e) => e.data.id)).toEqual([
      'ghost:kim-jong-gyu',
      'ghost:north-korea-sends-troops-to-russia',
    ]);
    expect(ghost?.elements[0]?.data).toMatchObject({ label: 'Kim Jong-gyu', kind: 'Person' });
    expect(ghost?.target).toBe('north-korea-sends-troops-to-russia');
  });

  it('draws a new actor as a ghost actor, and nothing for an actor already drawn', () => {
    const actor = { id: 'kim-jong-gyu', name: 'Kim Jong-gyu', kind: 'Person' };
    expect(ghostOf({ kind: 'ACTOR', actor }, lookup)?.elements.map((e) => e.data.id)).toEqual(['ghost:kim-jong-gyu']);
    expect(ghostOf({ kind: 'ACTOR', actor: { ...actor, id: 'russia' } }, lookup)?.elements).toEqual([]);
  });

  it('is drawn dashed and shown whatever the filter hides', () => {
    const sheet = buildStylesheet(vocabulary) as { selector: string; style: Record<string, unknown> }[];
    const at = (selector: string) => sheet.findIndex((b) => b.selector === selector);
    expect(sheet[at('edge.ghost')]?.style['line-style']).toBe('dashed');
    expect(sheet[at('.ghost')]?.style.display).toBe('element');
    expect(at('.ghost')).toBeGreaterThan(at('.hidden'));
  });
});

describe('the history timeline', () => {
  it('dates each entry, oldest first, and says what changed', () => {
    const source = { id: 's1', title: 'Report', url: null };
    const lines = timeline([
      {
        date: '2024-10-21',
        kind: 'DENIED',
        status: 'alleged',
        claim: { id: 'c2', from: { name: 'North Korea' } },
        source,
      },
      { date: '2024-10-13', kind: 'RECORDED', status: 'alleged', source },
      { date: '2024-10-23', kind: 'STATUS_CHANGED', status: 'reported', by: 'ana', note: 'US officials confirmed' },
      { date: '2024-10-18', kind: 'CORROBORATED', status: 'alleged', source },
      { date: '2024-10-18', kind: 'CLAIMED', status: 'alleged', claim: { id: 'c1', from: { name: 'South Korea' } } },
    ]);
    expect(lines.map((l) => `${l.date}: ${l.what}`)).toEqual([
      '13 Oct 2024: Recorded as alleged',
      '18 Oct 2024: Another source',
      '18 Oct 2024: Claimed by South Korea',
      '21 Oct 2024: Denied by North Korea',
      '23 Oct 2024: Status alleged → reported',
    ]);
    expect(lines[4]?.detail).toBe('by ana: US officials confirmed');
    expect(lines[3]?.claimId).toBe('c2');
  });
});

describe('the Articles view in the URL', () => {
  it('is view=articles with the open article and the focused proposal', () => {
    const state = { ...DEFAULT_STATE, articles: { source: 'nk-2024-10-21', proposal: 'nk-2024-10-21:p3' } };
    expect(encodeState(state)).toBe('view=articles&article=nk-2024-10-21&proposal=nk-2024-10-21%3Ap3');
    expect(decodeState(encodeState(state))).toEqual(state);
    expect(decodeState('view=articles').articles).toEqual({ source: null, proposal: null });
    expect(decodeState('proposal=x&view=articles').articles).toEqual({ source: null, proposal: null });
    expect(decodeState('article=x').articles).toBeNull();
  });
});
