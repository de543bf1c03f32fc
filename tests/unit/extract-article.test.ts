// Input checks: every problem is named with its field and place, and nothing is read past it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ArticleInputError,
  MAX_ARTICLE_BYTES,
  makeArticle,
  parseArticle,
  readArticleFile,
  splitFrontMatter,
} from '../../server/extract/article.js';

const FRONT =
  '---\nid: 2024-11-01-test-report\ntitle: A report\npublisher: Test Wire\npublished: 2024-11-01\nurl: https://example.org/a\n---\n';

describe('article input', () => {
  it('reads the corpus front matter; offsets count from the first character after it', () => {
    const article = parseArticle(`${FRONT}Belarus sent troops.`, {}, 'a.txt');
    expect(article.source).toEqual({
      id: '2024-11-01-test-report',
      title: 'A report',
      publisher: 'Test Wire',
      published: '2024-11-01',
      url: 'https://example.org/a',
      kind: 'article',
    });
    expect(article.text).toBe('Belarus sent troops.');
  });

  it('lets flags override the front matter and fill plain text', () => {
    expect(parseArticle(`${FRONT}Text.`, { publisher: 'Other' }, 'a').source.publisher).toBe('Other');
    const plain = parseArticle('Belarus sent troops.', { published: '2024-11-02', title: 'Troops' }, 'b');
    expect(plain.source).toMatchObject({
      id: '2024-11-02-troops',
      publisher: 'unknown publisher',
      kind: 'article',
      url: null,
    });
    expect(splitFrontMatter('no front matter', 'c')).toEqual({ fields: {}, text: 'no front matter' });
  });

  it.each([
    ['', { published: '2024-11-01' }, /the article text is empty/],
    ['  \n ', { published: '2024-11-01' }, /the article text is empty/],
    ['Text.', {}, /published: required/],
    ['Text.', { published: '1 November 2024' }, /published: "1 November 2024" is not a date \(expected YYYY-MM-DD\)/],
    ['Text.', { published: '2024-02-30' }, /is not a date/],
    [
      'Text.',
      { published: '2024-11-01', kind: 'tweet' },
      /kind: "tweet" is not one of article, report, statement, reference/,
    ],
    ['Text.', { published: '2024-11-01', url: 'ftp://x' }, /url: expected an http\(s\) URL/],
    ['x'.repeat(MAX_ARTICLE_BYTES + 1), { published: '2024-11-01' }, /over the limit of 262144 bytes/],
  ])('refuses bad input %#', (text, fields, message) => {
    expect(() => makeArticle(text, fields, 'input.txt')).toThrow(ArticleInputError);
    expect(() => makeArticle(text, fields, 'input.txt')).toThrow(message);
  });

  it('names a bad front matter line', () => {
    expect(() => parseArticle('---\nid: x\nauthor: Somebody\n---\nText.', {}, 'f.txt')).toThrow(
      /f\.txt: front matter line 3: expected "key: value"/,
    );
  });

  it('refuses a file that is not UTF-8 and one over the limit, naming the file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'extract-'));
    const latin1 = path.join(dir, 'latin1.txt');
    fs.writeFileSync(latin1, Buffer.from([0x53, 0xe9, 0x6f, 0x75, 0x6c]));
    expect(() => readArticleFile(latin1, { published: '2024-11-01' })).toThrow(/latin1\.txt: not UTF-8 text/);
    const big = path.join(dir, 'big.txt');
    fs.writeFileSync(big, 'a'.repeat(MAX_ARTICLE_BYTES + 10));
    expect(() => readArticleFile(big, { published: '2024-11-01' })).toThrow(/big\.txt: 262154 bytes, over the limit/);
    expect(() => readArticleFile(path.join(dir, 'missing.txt'))).toThrow(/missing\.txt: cannot be read \(ENOENT\)/);
    fs.rmSync(dir, { recursive: true });
  });
});
