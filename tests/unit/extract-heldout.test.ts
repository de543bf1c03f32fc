// Cues found missing by the second held-out corpus (tests/fixtures/story-corpus-2), each checked
// on sentences written for this test.
import { describe, expect, it } from 'vitest';
import { find, read } from './extract-helpers.js';

describe('a clause opened by "after", "before", "since", "until" or "once"', () => {
  it('has its own subject, not the main clause’s', () => {
    const p = read('Norway fired its missiles on Friday, days after Sweden allowed Finland to use its ports.');
    expect(find(p, 'GRANTS_PERMISSION_TO', 'sweden', 'finland')).toBeDefined();
    expect(find(p, 'GRANTS_PERMISSION_TO', 'norway')).toBeUndefined();
  });

  it('also when it opens the sentence', () => {
    const p = read('Before Sweden allowed Finland to use its ports, Norway protested.');
    expect(find(p, 'GRANTS_PERMISSION_TO', 'sweden', 'finland')).toBeDefined();
  });

  it('but "after" before a noun phrase stays a preposition', () => {
    const p = read('Sweden allowed Finland to use its ports after talks with Norway.');
    expect(find(p, 'GRANTS_PERMISSION_TO', 'sweden', 'finland')).toBeDefined();
  });
});
