// The table renderer: same bytes as the cli-table3 version it replaced, aligned by display width
// for any script, linear for huge tables, and fitted to a terminal width when asked.
import Table from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { safeText } from '../../src/domain/text.js';
import { clip, table } from '../../src/render/table.js';
import { plainStyle, styleFor, type Style } from '../../src/render/style.js';
import { displayWidth } from '../../src/render/width.js';

type Row = (string | number | null)[];

/** The renderer as it was before (cli-table3 0.6), kept here only as an oracle. */
function oracle(style: Style, head: string[], rows: Row[], styled = false): string {
  const t = new Table({
    head: head.map((h) => style.bold(h)),
    chars: {
      top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
      bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
      left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ',
    },
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
    wordWrap: false,
  });
  for (const row of rows) t.push(row.map((c) => (c === null ? '' : styled ? String(c) : safeText(String(c)))));
  return t.toString().split('\n').map((l) => l.trimEnd()).join('\n') + '\n';
}

const color = await styleFor(true);
const HEAD = ['ID', 'NAME', 'COMPANY', 'STATUS'];

describe('table matches the cli-table3 output byte for byte', () => {
  const cases: [string, Style, string[], Row[], boolean][] = [
    ['ASCII', plainStyle, HEAD, [[1, 'Acme Corp', 'Acme', 'active'], [12, 'Beta', null, 'paused']], false],
    ['CJK and Hangul', plainStyle, HEAD, [[1, '山田商店', '株式会社山田', 'active'], [2, 'Kim', '한국어 회사', 'lead']], false],
    ['fullwidth and accents', plainStyle, HEAD, [[1, 'Ｔｏｋｙｏ', 'Café Noël', null], [20, 'Zoë', 'Łódź', 'x']], false],
    ['simple emoji', plainStyle, ['K', 'V'], [['✅', 'done'], ['👍', 'ok'], ['x', 'plain']], false],
    ['control characters neutralised', plainStyle, ['A', 'B'], [['bell\u0007', 'esc\u001b[31mred'], ['tab\there', 'z']], false],
    ['a multi-line cell', plainStyle, ['A', 'B', 'C'], [['one', 'Ask about\nthe renewal', 'x'], ['two', 'y', 'z']], false],
    ['empty and blank headers', plainStyle, ['', 'B'], [['', ''], ['', 'b']], false],
    ['header only', plainStyle, HEAD, [], false],
    ['no header', plainStyle, [], [['a', 'bb'], ['ccc', 'd']], false],
    ['nothing', plainStyle, [], [], false],
    ['styled cells, bold header', color, HEAD, [[1, color.red('山田'), color.dim('—'), color.green('active')], [2, 'Beta', 'B', color.yellow('paused')]], true],
    ['trailing spaces trimmed', plainStyle, ['A', 'B'], [['x ', 'y  '], ['  ', '']], false],
  ];
  it.each(cases)('%s', (_name, style, head, rows, styled) => {
    expect(table(style, head, rows, styled)).toBe(oracle(style, head, rows, styled));
    expect(table(style, head, rows, { styled })).toBe(oracle(style, head, rows, styled));
  });

  // cli-table3 turned the gaps in ragged rows into row-spanning cells and printed a stray blank
  // line for them; no caller builds ragged rows, and here a missing cell is simply empty.
  it('reads missing cells in short or long rows as empty', () => {
    expect(table(plainStyle, ['A', 'B', 'C'], [['1'], ['1', '2', '3', '4'], []])).toBe(
      table(plainStyle, ['A', 'B', 'C', ''], [['1', '', '', ''], ['1', '2', '3', '4'], ['', '', '', '']]),
    );
    expect(table(plainStyle, ['A', 'B', 'C'], [['1'], ['1', '2', '3', '4'], []])).toBe('A  B  C\n1\n1  2  3  4\n\n');
  });

  it('a larger generated table of mixed scripts', () => {
    const names = ['Acme', '山田商店', 'Zoë & Co', '한국', 'Ｔｏｋｙｏ', 'x'];
    const rows: Row[] = Array.from({ length: 300 }, (_, i) => [i, names[i % 6]!, names[(i * 7) % 6]!.repeat(i % 4), i % 5 ? 'active' : null]);
    expect(table(plainStyle, HEAD, rows)).toBe(oracle(plainStyle, HEAD, rows));
  });
});

/** The display column where `cell` starts on `line` (the cell must occur once). */
function columnOf(line: string, cell: string): number {
  const at = line.indexOf(cell);
  expect(at).toBeGreaterThanOrEqual(0);
  return displayWidth(line.slice(0, at));
}

describe('table alignment by display width', () => {
  it('starts each column at the same display column on every row, whatever the script', () => {
    const rows: Row[] = [
      ['Acme Corp', '#1', 'z1'],
      ['山田商店', '#2', 'z2'],
      ['👩‍💻 Dev Ltd', '#3', 'z3'],
      ['👨‍👩‍👧 Family', '#4', 'z4'],
      ['Cafe\u0301 👍🏽', '#5', 'z5'],
      ['한국어', '#6', 'z6'],
      [color.red('Ｒｅｄ'), '#7', 'z7'],
    ];
    const lines = table(color, ['NAME', 'TAG', 'LAST'], rows, true).trimEnd().split('\n');
    const tags = lines.slice(1).map((l, i) => columnOf(l, `#${i + 1}`));
    const lasts = lines.slice(1).map((l, i) => columnOf(l, `z${i + 1}`));
    const widest = Math.max(...rows.map((r) => displayWidth(String(r[0]))));
    expect(widest).toBe(10); // '👩‍💻 Dev Ltd'
    expect(new Set(tags)).toEqual(new Set([widest + 2]));
    expect(new Set(lasts)).toEqual(new Set([tags[0]! + 5]));
  });
});

describe('table at scale', () => {
  it('renders 200,000 rows without overflowing the stack', () => {
    const rows: Row[] = Array.from({ length: 200_000 }, (_, i) => [i + 1, `Client ${i}`, i % 3 ? '山田商店' : null, 'active']);
    const out = table(plainStyle, HEAD, rows);
    const lines = out.split('\n');
    expect(lines).toHaveLength(200_002); // header, rows, and the '' after the final newline
    expect(lines[200_000]).toBe(`200000  Client 199999  山田商店  active`);
  });
});

describe('table fitted to a width', () => {
  const head = ['ID', 'ON', 'KIND', 'CLIENT', 'TEXT'];
  const rows: Row[] = [
    [1, '2026-01-02', 'follow-up', '山田商店 Holdings International', 'Ask about the renewal and whether the second phase starts in March or later'],
    [22, '2026-02-03', 'call', 'Acme Corp', 'Short'],
    [333, '2026-03-04', 'note', 'Zoë 👩‍💻', 'Send the 日本語 contract draft together with the revised estimate for phase two'],
  ];

  it.each([60, 80, 120])('every line fits in %i columns and the columns stay aligned', (width) => {
    const out = table(plainStyle, head, rows, { width });
    const lines = out.trimEnd().split('\n');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
    expect(lines[0]!.startsWith('ID   ON          KIND       CLIENT')).toBe(true); // header intact
    const ids = lines.slice(1).map((l) => l.slice(0, 3).trim());
    expect(ids).toEqual(['1', '22', '333']); // narrow columns untouched
    const kinds = lines.slice(1).map((l, i) => columnOf(l, ['follow-up', 'call', 'note'][i]!));
    expect(new Set(kinds).size).toBe(1);
  });

  it('shrinks the widest text column first and marks cut cells with …', () => {
    const lines = table(plainStyle, head, rows, { width: 100 }).trimEnd().split('\n');
    expect(lines[1]).toContain('山田商店 Holdings International'); // CLIENT is not the widest: kept
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(lines[2]!.endsWith('Short')).toBe(true);
    expect(displayWidth(lines[1]!)).toBe(100);
  });

  it('prints as before when the table already fits or no width is given', () => {
    const natural = table(plainStyle, head, rows);
    expect(table(plainStyle, head, rows, { width: 500 })).toBe(natural);
    expect(table(plainStyle, head, rows, {})).toBe(natural);
  });

  it('never shrinks a column below its header or 6 columns', () => {
    const lines = table(plainStyle, ['DESCRIPTION', 'X'], [['a'.repeat(30), 'b'.repeat(30)]], { width: 10 }).trimEnd().split('\n');
    expect(lines[0]).toBe('DESCRIPTION  X');
    expect(lines[1]).toBe(`${'a'.repeat(10)}…  bbbbb…`);
  });

  it('cuts styled cells without breaking their escapes', () => {
    const out = table(color, ['A', 'B'], [['x', color.red('a long red description of things')]], { width: 20, styled: true });
    const last = out.trimEnd().split('\n')[1]!;
    expect(displayWidth(last)).toBeLessThanOrEqual(20);
    expect(last.endsWith('…\x1b[0m')).toBe(true);
  });
});

describe('table fitted with flex and droppable columns', () => {
  const head = ['ID', 'ON', 'WHEN', 'KIND', 'CLIENT', 'TEXT'];
  const rows: Row[] = [
    [1, '2026-11-25', 'in 3 days', 'follow-up', '東京デザイン株式会社', 'Ask how the trip to Kyoto went and whether the family enjoyed the autumn leaves'],
    [2, '2026-11-30', 'in 8 days', 'personal', 'Acme Corporation International', 'Birthday'],
  ];
  const fit = (width: number) => table(plainStyle, head, rows, { width, flex: [5, 4], drop: [3, 1] }).trimEnd().split('\n');

  it('shrinks only the flex columns while they stay comfortable', () => {
    const lines = fit(100);
    expect(lines[0]).toMatch(/^ID +ON +WHEN +KIND +CLIENT +TEXT$/);
    expect(lines[1]).toContain('2026-11-25  in 3 days  follow-up'); // fixed columns whole
    expect(lines[1]!.endsWith('…')).toBe(true);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(100);
  });

  it('leaves out droppable columns, in order, before free text becomes unreadable', () => {
    const lines = fit(60);
    expect(lines[0]).toMatch(/^ID +WHEN +CLIENT +TEXT$/); // KIND went first, then ON
    expect(lines[1]).toMatch(/^1 +in 3 days +東京デザイン株式会社 +Ask how the trip/);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(60);
  });

  it('drops only what it must', () => {
    const wide = fit(200);
    expect(wide[0]).toMatch(/KIND/);
    expect(wide.join('\n')).toBe(table(plainStyle, head, rows).trimEnd());
  });
});

describe('clip', () => {
  it('keeps ASCII behaviour: max characters, the last one an ellipsis', () => {
    expect(clip('a'.repeat(50), 40)).toBe('a'.repeat(39) + '…');
    expect(clip('a'.repeat(40), 40)).toBe('a'.repeat(40));
    expect(clip('  spread \n over\tlines ', 40)).toBe('spread over lines');
    expect(clip(null)).toBe('');
  });

  it('measures by display width: a CJK name is clipped to 40 columns, not 40 characters', () => {
    const name = '株式会社山田商店'.repeat(5); // 40 characters, 80 columns
    const cut = clip(name, 40);
    expect(displayWidth(cut)).toBe(39); // 19 ideographs and the ellipsis; a 20th would need 41
    expect(cut.endsWith('…')).toBe(true);
    expect(clip('👩‍💻'.repeat(30), 10)).toBe('👩‍💻'.repeat(4) + '…');
  });

  it('neutralises control characters', () => {
    expect(clip('evil\u001b[2Jname')).toBe('evil␛[2Jname');
  });
});
