// Display width: what a terminal shows, cluster by cluster, and cutting/padding by columns.
import { describe, expect, it } from 'vitest';
import { displayWidth, padEndToWidth, splitAtWidth, truncateToWidth } from '../../src/render/width.js';

const RED = (s: string): string => `\x1b[31m${s}\x1b[39m`;

describe('displayWidth', () => {
  it.each([
    ['', 0],
    ['Acme Corp', 9],
    ['日本語', 6],
    ['山田商店 Ltd', 12],
    ['한국어', 6],
    ['ＡＢＣ', 6], // fullwidth forms
    ['Ｔｏｋｙｏ 東京', 15],
    ['Ελλάδα', 6],
    ['Москва', 6],
    ['…', 1],
    ['€100', 4],
  ])('%j is %i columns', (text, width) => expect(displayWidth(text)).toBe(width));

  it.each([
    ['✅', 2],
    ['👍', 2],
    ['👍🏽', 2], // skin tone: one cluster
    ['👩‍💻', 2], // ZWJ sequence
    ['👨‍👩‍👧', 2],
    ['🧑🏽‍🚀', 2],
    ['🇯🇵', 2], // flag: a regional-indicator pair
    ['❤️', 2], // text-default heart forced to emoji by VS16
    ['❤', 1], // and without it
    ['1️⃣', 2], // keycap
    ['ok 👍🏽 done', 10],
  ])('emoji %j is %i columns', (text, width) => expect(displayWidth(text)).toBe(width));

  it.each([
    ['e\u0301', 1],
    ['Cafe\u0301 Noe\u0308l', 9],
    ['a\u200bb', 2], // zero-width space
    ['\u0301', 0], // a mark with no base
    ['\u1100\u1161\u11a8', 2], // conjoining Hangul jamo: one syllable
  ])('combining and zero-width %j is %i columns', (text, width) => expect(displayWidth(text)).toBe(width));

  it('counts ANSI colour codes as nothing', () => {
    expect(displayWidth(RED('abc'))).toBe(3);
    expect(displayWidth(`\x1b[1m${RED('日本')}\x1b[22m!`)).toBe(5);
    expect(displayWidth('\x1b]8;;https://example.com\x07link\x1b]8;;\x07')).toBe(4);
  });

  it('counts control characters as nothing', () => {
    expect(displayWidth('a\tb\u0007')).toBe(2);
  });

  // Most text skips the segmenter; appending a zero-width space forces it. Both must agree.
  it('measures the same with and without grapheme segmentation', () => {
    const samples: string[] = [];
    for (let cp = 0x20; cp < 0x3400; cp++) if (cp < 0xd800) samples.push(String.fromCodePoint(cp));
    samples.push('日本語のテキスト', '한국어 텍스트', 'ｶﾀｶﾅ', 'Ａ１！', '〜〝〟', 'Grüße — “quoted” ‰ ₿');
    for (const s of samples) expect([s, displayWidth(s + '\u200b')]).toEqual([s, displayWidth(s)]);
  });
});

describe('truncateToWidth', () => {
  it('returns text that fits unchanged', () => {
    expect(truncateToWidth('日本語', 6)).toBe('日本語');
    expect(truncateToWidth('abc', 3)).toBe('abc');
  });

  it.each([
    ['abcdefgh', 5, 'abcd…'],
    ['日本語のテキスト', 7, '日本語…'],
    ['日本語のテキスト', 8, '日本語…'], // the next character is 2 wide and would not fit
    ['👩‍💻👩‍💻👩‍💻', 4, '👩‍💻…'],
    ['👍🏽👍🏽👍🏽', 5, '👍🏽👍🏽…'],
    ['e\u0301e\u0301e\u0301', 2, 'e\u0301…'],
    ['abc', 1, '…'],
    ['abc', 0, ''],
  ])('%j to %i columns is %j', (text, max, cut) => {
    expect(truncateToWidth(text, max)).toBe(cut);
    expect(displayWidth(cut)).toBeLessThanOrEqual(max);
  });

  it('keeps ANSI codes whole and resets the style after the cut', () => {
    const cut = truncateToWidth(RED('hello world'), 6);
    expect(cut).toBe('\x1b[31mhello…\x1b[0m');
    expect(displayWidth(cut)).toBe(6);
  });

  it('never exceeds the width, for any width', () => {
    const texts = ['Mixed 日本 and 👩‍💻 text', RED('红色的文字 red'), 'Cafe\u0301 ✅ 한국어'];
    for (const t of texts) {
      for (let max = 0; max <= displayWidth(t) + 1; max++) expect(displayWidth(truncateToWidth(t, max))).toBeLessThanOrEqual(max);
    }
  });
});

describe('splitAtWidth', () => {
  it('cuts between clusters, never inside an escape', () => {
    expect(splitAtWidth('日本語', 3)).toEqual({ head: '日', rest: '本語', width: 2 });
    expect(splitAtWidth(`ab${RED('cd')}`, 3)).toEqual({ head: 'ab\x1b[31mc', rest: 'd\x1b[39m', width: 3 });
    expect(splitAtWidth('abc', 10)).toEqual({ head: 'abc', rest: '', width: 3 });
  });

  // Text made only of code points that are clusters of their own is cut without the segmenter:
  // the cut must be where cutting cluster by cluster puts it.
  it('cuts text of single-unit clusters where the segmenter would', () => {
    const ALPHABET = ['a', ' ', 'é', 'ß', 'Ω', 'Ж', '–', '€', '…', '日', '語', 'あ', 'ア', '한', 'Ａ', 'ｱ', '　', '\t', '\r', '\n', '\u0085', '\u00ad'];
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const reference = (text: string, max: number): { head: string; rest: string; width: number } => {
      let width = 0;
      let at = 0;
      for (const { segment } of segmenter.segment(text)) {
        const w = displayWidth(segment);
        if (width + w > max) break;
        width += w;
        at += segment.length;
      }
      return { head: text.slice(0, at), rest: text.slice(at), width };
    };
    let seed = 7;
    const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let k = 0; k < 300; k++) {
      const text = Array.from({ length: 1 + next(12) }, () => ALPHABET[next(ALPHABET.length)]).join('');
      for (let max = -1; max <= displayWidth(text) + 1; max++) expect(splitAtWidth(text, max), `${JSON.stringify(text)} at ${max}`).toEqual(reference(text, max));
    }
  });
});

describe('padEndToWidth', () => {
  it('pads by columns, not code units', () => {
    expect(padEndToWidth('日本', 6)).toBe('日本  ');
    expect(padEndToWidth('👍🏽', 3)).toBe('👍🏽 ');
    expect(padEndToWidth(RED('a'), 2)).toBe(`${RED('a')} `);
    expect(padEndToWidth('toolong', 3)).toBe('toolong');
  });
});
