// Word wrap for human text: fits the width, keeps indentation, hangs list items, never splits a
// character cluster or a colour code, and leaves lines that fit alone.
import { describe, expect, it } from 'vitest';
import { hanging, wrap } from '../../src/render/fit.js';
import { displayWidth } from '../../src/render/width.js';

const RED = (s: string): string => `\x1b[31m${s}\x1b[39m`;
const STRIP = (s: string): string => s.replaceAll('\x1b[31m', '').replaceAll('\x1b[39m', '');
const widths = (text: string): number[] => text.split('\n').map(displayWidth);
const PARAGRAPH = 'The client paid the March invoice twelve days late and asked for a discount on the next phase.';

describe('wrap', () => {
  it('returns lines that already fit byte for byte', () => {
    const text = `short line   \n${RED('coloured')} text\n\n  indented\t tab\n日本語のテキスト`;
    expect(wrap(text, 40)).toBe(text);
  });

  it.each([20, 30, 45, 80])('fits every line in %i columns and loses no word', (width) => {
    const out = wrap(PARAGRAPH, width);
    for (const w of widths(out)) expect(w).toBeLessThanOrEqual(width);
    expect(out.split(/\s+/).join(' ')).toBe(PARAGRAPH);
  });

  it('wraps greedily', () => {
    expect(wrap(PARAGRAPH, 30)).toBe(
      'The client paid the March\ninvoice twelve days late and\nasked for a discount on the\nnext phase.',
    );
  });

  it('keeps the indentation of the line a continuation came from', () => {
    const out = wrap(`    ${PARAGRAPH}`, 30);
    const lines = out.split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(l).toMatch(/^ {4}\S/);
  });

  it.each(['  - ', '  • ', '* ', '  12. '])('hangs continuation lines of a %j list item under its text', (marker) => {
    const lines = wrap(`${marker}${PARAGRAPH}`, 30).split('\n');
    expect(lines[0]!.startsWith(marker + 'The')).toBe(true);
    for (const l of lines.slice(1)) expect(l).toMatch(new RegExp(`^ {${marker.length}}\\S`));
  });

  it('wraps each line of multi-line text on its own and keeps blank lines', () => {
    const text = `Notes:\n\n  - ${PARAGRAPH}\n  - second item`;
    const out = wrap(text, 40);
    expect(out.startsWith('Notes:\n\n  - The client')).toBe(true);
    expect(out.endsWith('\n  - second item')).toBe(true);
  });

  it('breaks a word longer than the line', () => {
    expect(wrap('x'.repeat(50), 20)).toBe(`${'x'.repeat(20)}\n${'x'.repeat(20)}\n${'x'.repeat(10)}`);
    expect(wrap(`see ${'y'.repeat(30)}`, 20)).toBe(`see\n${'y'.repeat(20)}\n${'y'.repeat(10)}`);
  });

  it('breaks long CJK and emoji runs between grapheme clusters', () => {
    const cjk = wrap('日本語'.repeat(10), 20);
    expect(widths(cjk)).toEqual([20, 20, 20]);
    const emoji = wrap('👩‍💻'.repeat(15), 20);
    for (const l of emoji.split('\n')) expect(l).toMatch(/^(👩‍💻)+$/u);
    expect(widths(emoji)).toEqual([20, 10]);
    const toned = wrap('👍🏽'.repeat(12), 20).split('\n');
    expect(toned).toEqual(['👍🏽'.repeat(10), '👍🏽'.repeat(2)]);
  });

  it('counts ANSI codes as nothing and never splits one', () => {
    const text = PARAGRAPH.split(' ').map((w, i) => (i % 2 ? RED(w) : w)).join(' ');
    const out = wrap(text, 30);
    expect(STRIP(out)).toBe(wrap(PARAGRAPH, 30));
    expect(STRIP(out)).not.toContain('\x1b'); // every escape came through whole
    const long = wrap(RED('z'.repeat(45)), 20);
    expect(long).toBe(`\x1b[31m${'z'.repeat(20)}\n${'z'.repeat(20)}\n${'z'.repeat(5)}\x1b[39m`);
  });

  it('treats widths below 20 as 20', () => {
    expect(wrap(PARAGRAPH, 5)).toBe(wrap(PARAGRAPH, 20));
    expect(wrap(PARAGRAPH, 0)).toBe(wrap(PARAGRAPH, 20));
  });

  it('narrows an indent that would leave under 10 columns for text', () => {
    const out = wrap(`${' '.repeat(30)}${PARAGRAPH}`, 20);
    expect(out.split(/\s+/).join(' ').trim()).toBe(PARAGRAPH);
    for (const l of out.split('\n')) {
      expect(l).toMatch(/^ {10}\S/);
      expect(displayWidth(l)).toBeLessThanOrEqual(20);
    }
    expect(wrap(`${' '.repeat(16)}- ${PARAGRAPH}`, 20).split('\n').slice(0, 2)).toEqual([`${' '.repeat(8)}- The client`, `${' '.repeat(10)}paid the`]);
  });
});

describe('hanging', () => {
  it('continues a label\'s value under the value', () => {
    const out = hanging('history       ', '3 interactions, 2 invoices, 0 change requests, 1 incidents, 0 referrals, 0 deliveries', 50);
    const lines = out.split('\n');
    expect(lines[0]!.startsWith('history       3 interactions')).toBe(true);
    for (const l of lines.slice(1)) expect(l).toMatch(/^ {14}\S/);
    for (const w of widths(out)) expect(w).toBeLessThanOrEqual(50);
    expect(out.replace(/\s+/g, ' ')).toBe('history 3 interactions, 2 invoices, 0 change requests, 1 incidents, 0 referrals, 0 deliveries');
  });

  it('leaves a value that fits alone, and measures a coloured label by what shows', () => {
    expect(hanging('  why       ', 'short', 80)).toBe('  why       short');
    const out = hanging(RED('label') + '  ', PARAGRAPH, 40);
    for (const l of out.split('\n').slice(1)) expect(l.startsWith(' '.repeat(7))).toBe(true);
    expect(STRIP(out).replace(/\s+/g, ' ')).toBe(`label ${PARAGRAPH}`);
  });

  it('wraps under the label itself when the label leaves too little room', () => {
    const out = hanging(' '.repeat(30), PARAGRAPH, 35);
    for (const w of widths(out)) expect(w).toBeLessThanOrEqual(35);
  });
});
