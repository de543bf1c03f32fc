// Claim structure, status from the language, negation, offices, pointing at the graph and
// determinism, each on sentences written for this test.
import { describe, expect, it } from 'vitest';
import { find, lines, read, SMALL_GRAPH } from './extract-helpers.js';

describe('claims', () => {
  it('reads "X said Y did Z" as an accusation about an alleged relationship claimed by X', () => {
    const p = read('Poland said on Monday that Belarus had sent troops to Serbia.');
    const claimed = find(p, 'SENDS_TROOPS_TO', 'belarus', 'serbia');
    expect(claimed).toMatchObject({ status: 'alleged', claimedBy: 'poland' });
    expect(find(p, 'ACCUSES', 'poland')).toMatchObject({
      to: 'belarus',
      about: claimed?.id,
      status: 'fact',
      validFrom: '2024-11-18',
    });
  });

  it('reads a dismissal of the claims as a denial of the same relationship, pointing at the claimant', () => {
    const p = read(
      'Belarus has not sent troops to Serbia, its envoy said on Tuesday, dismissing Poland’s claims as baseless. Poland said last week that Belarus had sent troops to Serbia.',
    );
    const claimed = find(p, 'SENDS_TROOPS_TO', 'belarus', 'serbia');
    const denial = find(p, 'DENIES', 'belarus');
    expect(denial).toMatchObject({ to: 'poland', about: claimed?.id, validFrom: '2024-11-19' });
    expect(p.relationships.filter((r) => r.type === 'DENIES')).toHaveLength(1);
  });

  it('reads a confirmation by a third party as CONFIRMS pointing at the accused', () => {
    const p = read('NATO confirmed that Belarus had deployed soldiers to Serbia.');
    const claimed = find(p, 'SENDS_TROOPS_TO', 'belarus', 'serbia');
    expect(find(p, 'CONFIRMS', 'nato')).toMatchObject({ to: 'belarus', about: claimed?.id });
  });

  it.each([
    'Belarus did not deny sending troops to Serbia.',
    'Belarus has not confirmed the deployment of its troops to Serbia.',
    'Belarus refused to confirm that it had sent troops to Serbia.',
    'Belarus declined to comment on the presence of Belarusian troops in Serbia.',
    'Belarus would neither confirm nor deny that it sent troops to Serbia.',
  ])('finds no denial and no confirmation in "%s"', (text) => {
    const p = read(`Poland says Belarus sent troops to Serbia. ${text}`);
    expect(
      p.relationships.filter((r) => r.from === 'belarus' && (r.type === 'DENIES' || r.type === 'CONFIRMS')),
    ).toEqual([]);
  });

  it('does not read a hypothetical, a refusal or what someone is urged to do as a relationship', () => {
    expect(lines(read('If Belarus sends troops to Serbia, Poland will respond.'))).toEqual([]);
    expect(lines(read('Austria has refused to send weapons to Serbia.'))).toEqual([]);
    expect(lines(read('Serbia urged Austria to send weapons to Serbia.'))).toEqual([]);
  });

  it('takes the status from modality, hedges and cancellations', () => {
    expect(
      find(read('Hungarian Prime Minister Erik Varga is expected to visit Austria next week.'), 'VISITED'),
    ).toMatchObject({
      status: 'planned',
      validFrom: '2024-11-25',
      validTo: '2024-12-01',
    });
    expect(find(read('Hungarian Prime Minister Erik Varga postponed his visit to Austria.'), 'VISITED')?.status).toBe(
      'cancelled',
    );
    expect(find(read('Austria could send weapons to Serbia.'), 'SUPPLIES_ARMS_TO')?.status).toBe('planned');
    expect(find(read('Austria has reportedly sent weapons to Serbia.'), 'SUPPLIES_ARMS_TO')?.status).toBe('reported');
  });

  it('maps a leader to the state the graph says he leads where the type needs a state', () => {
    const p = read('Kim Jong Un has been sending weapons to Russia for months.', SMALL_GRAPH);
    expect(find(p, 'SUPPLIES_ARMS_TO')).toMatchObject({ from: 'north-korea', to: 'russia' });
  });

  it('points at a claimed relationship the graph holds instead of proposing it again', () => {
    const p = read('South Korea said on Friday that North Korea had sent 3,000 troops to Russia.', SMALL_GRAPH);
    const accuses = find(p, 'ACCUSES', 'south-korea');
    expect(accuses).toMatchObject({ about: 'nk-troops-in-russia', to: 'north-korea' });
    expect(accuses?.existing).toBeUndefined();
    const known = p.relationships.find((r) => r.id === 'nk-troops-in-russia');
    expect(known).toMatchObject({ existing: true, status: 'alleged', claimedBy: 'volodymyr-zelenskyy' });
    expect(known?.sources).toEqual(['test-article', 'test-source']);
    expect(p.relationships.filter((r) => r.type === 'SENDS_TROOPS_TO')).toHaveLength(1);
  });

  it('gives a new person the office the text names, and no office to a nominee or a President-elect', () => {
    const p = read(
      'Polish President Andrzej Duda met Chancellor Karl Nehammer of Austria. President-elect Donald Trump and Jane Roe, the Republican nominee, spoke. Former President Ivan Petrov of Bulgaria was there.',
    );
    expect(find(p, 'LEADS', 'andrzej-duda', 'poland')).toBeDefined();
    expect(find(p, 'LEADS', 'karl-nehammer', 'austria')).toBeDefined();
    expect(find(p, 'MET_WITH', 'andrzej-duda', 'karl-nehammer')).toBeDefined();
    expect(p.relationships.filter((r) => r.type === 'LEADS').map((r) => r.from)).toEqual([
      'andrzej-duda',
      'karl-nehammer',
    ]);
    expect(p.actors.find((a) => a.id === 'donald-trump')).toMatchObject({ kind: 'Person' });
    expect(p.actors.find((a) => a.id === 'jane-roe')).toMatchObject({ kind: 'Person' });
  });

  it('gives evidence whose offsets slice the sentence out of the text as given', () => {
    const text =
      'Belarus sent 2,000 soldiers to Serbia.\n\nPoland’s president said on Monday that Belarus had sent troops.';
    const p = read(text);
    expect(p.relationships.length).toBeGreaterThan(0);
    for (const r of p.relationships) for (const e of r.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
    for (const a of p.actors) for (const e of a.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('is deterministic: the same article and graph give the same bytes, in id order', () => {
    const text = 'Poland said Belarus had sent troops to Serbia. Austria confirmed it. Serbia and Belarus are allies.';
    const a = JSON.stringify(read(text, SMALL_GRAPH));
    const b = JSON.stringify(read(text, SMALL_GRAPH));
    expect(a).toBe(b);
    const ids = read(text, SMALL_GRAPH).relationships.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('reads coordinated objects, an object before "and", a relative "who" and an office held under a leader', () => {
    const p = read(
      'Hungarian Prime Minister Erik Varga met Austrian Chancellor Karl Nehammer and Czech President Petr Pavel. Anna Lind, Sweden’s foreign minister, visited Vienna in early November and met Nehammer. Lind, who hosted Pavel in Stockholm, spoke. Varga’s foreign minister Peter Orban said Hungary would send weapons to Serbia.',
    );
    expect(find(p, 'MET_WITH', 'erik-varga', 'karl-nehammer')).toBeDefined();
    expect(find(p, 'MET_WITH', 'erik-varga', 'petr-pavel')).toBeDefined();
    expect(find(p, 'VISITED', 'anna-lind', 'austria')?.validFrom).toBe('2024-11');
    expect(find(p, 'MET_WITH', 'anna-lind', 'karl-nehammer')).toBeDefined();
    expect(find(p, 'MET_WITH', 'anna-lind', 'petr-pavel')).toBeDefined();
    expect(find(p, 'SERVES_IN', 'peter-orban', 'hungary')).toBeDefined();
    // The minister speaks for his own state: a plan, not an accusation.
    expect(find(p, 'SUPPLIES_ARMS_TO', 'hungary', 'serbia')?.status).toBe('planned');
    expect(p.relationships.filter((r) => r.type === 'ACCUSES')).toEqual([]);
  });

  it('dates an undated event of the first sentences by the day of the story only when it shares an actor', () => {
    const p = read(
      'Austrian Chancellor Karl Nehammer met Hungarian Prime Minister Erik Varga on Monday. Czech President Petr Pavel met Slovak President Peter Pellegrini. Nehammer visited Prague.',
    );
    expect(find(p, 'MET_WITH', 'karl-nehammer', 'erik-varga')?.validFrom).toBe('2024-11-18');
    expect(find(p, 'MET_WITH', 'petr-pavel', 'peter-pellegrini')?.validFrom).toBeNull();
    expect(find(p, 'VISITED', 'karl-nehammer', 'czechia')?.validFrom).toBe('2024-11-18');
  });

  it('reads "said the reports were fake news" as a denial, and a deputy minister as serving his state', () => {
    const p = read(
      'Poland said Belarus had sent troops to Serbia. Belarusian Deputy Foreign Minister Ivan Sidorov said the reports were fake news.',
    );
    const claimed = find(p, 'SENDS_TROOPS_TO', 'belarus', 'serbia');
    expect(find(p, 'DENIES', 'ivan-sidorov')).toMatchObject({ to: 'poland', about: claimed?.id });
    expect(find(p, 'ACCUSES', 'ivan-sidorov')).toBeUndefined();
    expect(find(p, 'SERVES_IN', 'ivan-sidorov', 'belarus')).toBeDefined();
  });
});
