// Actor mentions: names and aliases of the graph, the gazetteer's states, demonyms and capitals,
// offices and the persons holding them (sentences of our own).
import { describe, expect, it } from 'vitest';
import { buildNameIndex } from '../../server/extract/gazetteer.js';
import { EMPTY_GRAPH, type GraphContext } from '../../server/extract/graph.js';
import { findMentions } from '../../server/extract/mentions.js';
import { splitSentences } from '../../server/extract/text.js';
import { SMALL_GRAPH } from './extract-helpers.js';

function mentions(text: string, graph: GraphContext = EMPTY_GRAPH) {
  const sentences = splitSentences(text);
  const found = findMentions(sentences, text, buildNameIndex(graph));
  return {
    ...found,
    list: found.mentions.flatMap((list, s) =>
      list.map((m) => {
        const tokens = sentences[s]?.tokens ?? [];
        return {
          actor: m.actor,
          form: m.form,
          text: text.slice(tokens[m.start]?.start, tokens[m.end - 1]?.end),
          office: m.office,
        };
      }),
    ),
  };
}

describe('mentions', () => {
  it('resolves graph aliases before the gazetteer, and keeps graph ids', () => {
    const { list, actors } = mentions('Pyongyang and the Kremlin answered Zelensky and Kim Jong-un.', SMALL_GRAPH);
    expect(list.map((m) => m.actor)).toEqual(['north-korea', 'russia', 'volodymyr-zelenskyy', 'kim-jong-un']);
    expect(actors.get('russia')?.existing).toBe(true);
  });

  it('knows states by name, spelling, capital and demonym from the package', () => {
    const { list } = mentions('Warsaw, the Republic of Poland and Polish officials met Britain and the U.K. envoy.');
    expect(list.map((m) => [m.actor, m.form])).toEqual([
      ['poland', 'capital'],
      ['poland', 'name'],
      ['poland', 'demonym'],
      ['united-kingdom', 'name'],
      ['united-kingdom', 'name'],
    ]);
  });

  it('reads an acronym only in capitals, and "the North" only beside North Korea', () => {
    expect(mentions('Give us the details.').list).toEqual([]);
    expect(mentions('The US answered.').list.map((m) => m.actor)).toEqual(['united-states']);
    expect(mentions('Troops moved to the North.').list).toEqual([]);
    expect(mentions('North Korea said the North would answer.').list.map((m) => m.actor)).toEqual([
      'north-korea',
      'north-korea',
    ]);
  });

  it('makes persons of office holders, with the state of the office, and knows them by surname after', () => {
    const { list } = mentions(
      'Hungarian Prime Minister Erik Varga met Chancellor Karl Nehammer of Austria. Anna Lind, Sweden’s foreign minister, joined. Varga and Lind spoke.',
    );
    const offices = list.filter((m) => m.office?.relation).map((m) => [m.actor, m.office?.relation, m.office?.of]);
    expect(offices).toEqual([
      ['erik-varga', 'LEADS', 'hungary'],
      ['karl-nehammer', 'LEADS', 'austria'],
      ['anna-lind', 'SERVES_IN', 'sweden'],
    ]);
    expect(list.slice(-2).map((m) => m.actor)).toEqual(['erik-varga', 'anna-lind']);
  });

  it('gives no office to a nominee, a President-elect or a former president', () => {
    const { list } = mentions(
      'President-elect Donald Trump, former French President Nicolas Sarkozy and the nominee Jane Roe spoke.',
    );
    expect(list.filter((m) => m.office?.relation)).toEqual([]);
    expect(list.find((m) => m.actor === 'donald-trump')?.office).toMatchObject({
      title: 'president-elect',
      relation: null,
    });
  });

  it('lets an office without a name stand for its holder named elsewhere in the article', () => {
    const { list } = mentions('Austria’s chancellor spoke first. Chancellor Karl Nehammer of Austria then left.');
    expect(list[0]).toMatchObject({ actor: 'karl-nehammer', form: 'person' });
  });
});
