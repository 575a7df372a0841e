// The search query builder: what users type becomes an FTS5 expression whose every term is quoted,
// so no input can be read as FTS5 syntax. Properties run each built expression against the real
// index (an empty, migrated in-memory database) to prove SQLite accepts it.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MARK_CLOSE, MARK_OPEN, MAX_TERMS, parseSearch, snippetParts } from '../../src/domain/search-query.js';
import { parseLimit } from '../../src/domain/parse.js';
import { UsageError } from '../../src/domain/errors.js';
import { openEmpty } from '../../src/db/store.js';

const store = openEmpty();
afterAll(() => store.close());
const matchRuns = (match: string): unknown[] =>
  store.db.prepare('SELECT rowid FROM search_index WHERE search_index MATCH ?').all(match);

const match = (input: string): string => parseSearch(input).match;

describe('parseSearch', () => {
  it.each([
    ['logo', '"logo"'],
    ['logo blue', '("logo" AND "blue")'],
    ['"cafe au lait"', '"cafe au lait"'],
    ['log*', '"log"*'],
    ['"next sp"*', '"next sp"*'],
    ['logo OR colour', '("logo" OR "colour")'],
    ['logo blue OR green', '("logo" AND ("blue" OR "green"))'],
    ['logo -draft', '"logo" NOT ("draft")'],
    ['logo NOT draft NOT "old one"', '"logo" NOT ("draft" OR "old one")'],
    ['logo AND blue', '("logo" AND "blue")'],
  ])('%s → %s', (input, expected) => {
    expect(match(input)).toBe(expected);
  });

  it('quotes FTS5 syntax so it is only text: operators in lower case, NEAR, columns, carets, brackets', () => {
    expect(match('near and not or')).toBe('("near" AND "and" AND "not" AND "or")');
    expect(match('NEAR(a b)')).toBe('("NEAR(a" AND "b)")');
    expect(match('body:logo ^start o\'brien a*b')).toBe('("body:logo" AND "^start" AND "o\'brien" AND "a*b")');
    expect(match('say "hi" there"')).toBe('("say" AND "hi" AND "there""")');
    expect(match('foo"bar')).toBe('"foo""bar"');
  });

  it('drops what the index cannot hold (punctuation, emoji, controls) and refuses a search left empty', () => {
    expect(match('logo ... 😀 - * " "')).toBe('"logo"');
    expect(match('lo\u0000go')).toBe('("lo" AND "go")');
    for (const empty of ['', '   ', '*', '-', '--', '"', '""', '😀', '^', '()', 'OR', 'AND', 'NOT', '\u0301']) {
      expect(() => parseSearch(empty)).toThrow(/has no word to look for/);
    }
    expect(() => parseSearch('-draft')).toThrow(/only excludes/);
    expect(() => parseSearch('NOT draft')).toThrow(/only excludes/);
  });

  it('folds compatibility forms (NFKC): full-width letters and ligatures search as typed plainly', () => {
    expect(match('ｌｏｇｏ')).toBe('"logo"');
    expect(match('ﬁle')).toBe('"file"');
  });

  it('looks for a word of a script written without spaces as the start of a run', () => {
    expect(match('東京')).toBe('"東京"*');
    expect(match('"東京の"')).toBe('"東京の"*');
    expect(match('東京 logo')).toBe('("東京"* AND "logo")');
    expect(match('東京 ok')).toBe('("東京"* AND "ok")');
  });

  it(`caps a search at ${MAX_TERMS} words, but not a long word or phrase`, () => {
    expect(() => parseSearch(Array.from({ length: MAX_TERMS + 1 }, (_, i) => `w${i}`).join(' '))).toThrow(UsageError);
    expect(() => parseSearch(Array.from({ length: MAX_TERMS }, (_, i) => `w${i}`).join(' '))).not.toThrow();
    expect(match('x'.repeat(10_000))).toBe(`"${'x'.repeat(10_000)}"`);
    const phrase = `"${'a '.repeat(5000)}"`;
    expect(matchRuns(match(phrase))).toEqual([]);
  });

  it('an error quotes the input short and free of control characters', () => {
    const e = (() => {
      try {
        parseSearch(`\u001b[;${'*'.repeat(500)}`);
      } catch (err) {
        return err as Error;
      }
      return new Error('no error');
    })();
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).not.toContain('\u001b');
    expect(e.message.length).toBeLessThan(200);
  });
});

// Pieces that mean something to FTS5 or to the lexer, mixed with letters from several scripts.
const piece = fc.constantFrom(
  '"', '""', '*', '-', '(', ')', ':', '^', '+', '{', '}', ',', '.', "'", ' ', '  ', '\t', '\n', '\u0000', '\u001b',
  'OR', 'AND', 'NOT', 'NEAR', 'NEAR(', 'or', 'and', 'not', 'near', 'body', 'body:', 'a', 'logo', 'café', 'cafe\u0301',
  '\u0301', '😀', '👩‍👩‍👧', '日本語', 'Ελλάδα', '\ud800', '\ufdd0', 'ﬁ', '9',
);
const hostile = fc.oneof(
  fc.array(piece, { maxLength: 40 }).map((p) => p.join('')),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
);

describe('parseSearch properties', () => {
  it('never throws anything but UsageError, and SQLite always accepts what it builds', () => {
    fc.assert(
      fc.property(hostile, (input) => {
        let built: string;
        try {
          built = match(input);
        } catch (e) {
          expect(e).toBeInstanceOf(UsageError);
          return;
        }
        expect(() => matchRuns(built)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });

  it('a plain word always searches as itself, quoted', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9]{0,15}$/), (w) => {
        fc.pre(!['or', 'and', 'not'].includes(w));
        expect(match(w)).toBe(`"${w}"`);
      }),
    );
  });
});

describe('parseLimit', () => {
  it('takes a positive whole number', () => {
    expect(parseLimit('5')).toBe(5);
    expect(parseLimit(' 40 ')).toBe(40);
  });
  it.each(['0', '-1', '2.5', 'ten', '', '1e3', '9999999999'])('refuses %j naming --limit', (v) => {
    expect(() => parseLimit(v)).toThrow(/--limit .* is not a positive whole number/);
  });
});

describe('snippetParts', () => {
  it('splits a snippet into plain and matched stretches', () => {
    expect(snippetParts(`…the ${MARK_OPEN}logo${MARK_CLOSE} is ${MARK_OPEN}blue${MARK_CLOSE}`)).toEqual([
      { text: '…the ', hit: false }, { text: 'logo', hit: true }, { text: ' is ', hit: false }, { text: 'blue', hit: true },
    ]);
    expect(snippetParts('no match marked')).toEqual([{ text: 'no match marked', hit: false }]);
  });
});
