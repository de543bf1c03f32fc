// Dates resolved against the publication day, with their precision (sentences of our own).
import { describe, expect, it } from 'vitest';
import { findDates } from '../../server/extract/dates.js';
import { splitSentences } from '../../server/extract/text.js';

const PUBLISHED = '2024-10-22'; // a Tuesday

function dates(text: string, published = PUBLISHED) {
  const [sentence] = splitSentences(text);
  if (!sentence) throw new Error('no sentence');
  return findDates(sentence, published).map((d) => ({ text: d.text, value: d.value, until: d.until, shift: d.shift }));
}

describe('dates', () => {
  it.each([
    ['The envoy spoke on Monday.', 'Monday', '2024-10-21'],
    ['The envoy spoke on Tuesday.', 'Tuesday', '2024-10-22'],
    ['The talks were held in June.', 'June', '2024-06'],
    ['Fighting has gone on since February 2022.', 'February 2022', '2022-02'],
    ['The ministers met on November 6.', 'November 6', '2023-11-06'],
    ['The ministers met on October 6.', 'October 6', '2024-10-06'],
    ['The statement (Oct 21) was short.', 'Oct 21', '2024-10-21'],
    ['The deal was struck earlier this month.', 'this month', '2024-10'],
    ['The war began in 2022.', '2022', '2022'],
    ["It follows the country's 2014 annexation.", '2014', '2014'],
  ])('reads %j', (text, expected, value) => {
    const found = dates(text);
    expect(found.map((d) => d.value)).toContain(value);
    expect(found.some((d) => d.text.includes(expected))).toBe(true);
  });

  it('offers the next occurrence of a weekday or a day without a year for plans', () => {
    const [sentence] = splitSentences('The envoy will travel on Friday and return on November 6.');
    const found = sentence ? findDates(sentence, PUBLISHED) : [];
    expect(found.map((d) => [d.value, d.future])).toEqual([
      ['2024-10-18', '2024-10-25'],
      ['2023-11-06', '2024-11-06'],
    ]);
  });

  it('reads "last week" as its Monday-to-Sunday range', () => {
    expect(dates('The delegation arrived last week.')).toEqual([
      { text: 'last week', value: '2024-10-14', until: '2024-10-20', shift: null },
    ]);
  });

  it('reads a season as its months', () => {
    expect(dates('The incursion began in the summer.', '2024-11-17')).toEqual([
      { text: 'in the summer', value: '2024-06', until: '2024-08', shift: null },
    ]);
  });

  it('keeps "a day after" as a shift of minus one day for the clause after it', () => {
    expect(dates('The talks came a day after officials spoke.')[0]).toMatchObject({ shift: -1 });
  });

  it('reads no date where there is none, and not a troop count as a year', () => {
    expect(dates('About 2000 soldiers crossed the border.')).toEqual([]);
    expect(dates('The envoy spoke briefly.')).toEqual([]);
  });
});
