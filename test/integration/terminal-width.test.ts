// Every human view fits the terminal: tables shrink their widest columns and cut cells with "…",
// prose wraps under its own indentation, at 60, 80 and 120 columns. JSON, the cron digest and the
// calendar never change with the width.
import { beforeAll, describe, expect, it } from 'vitest';
import { crm, seed, tempDb } from '../helpers/cli.js';
import { displayWidth } from '../../src/render/width.js';

const LONG_NOTE =
  'Prefers calls before noon; the CFO signs off every invoice above five thousand and wants the purchase order number on it, without exception.';
const LONG_SUMMARY = 'Walked through the second phase: checkout redesign, the loyalty programme, and a migration of their old order history';

let db: string;

beforeAll(async () => {
  db = tempDb();
  await seed(db, [
    ['client', 'add', 'Acme Corporation International Holdings', '--company', 'Acme Group of Companies (Europe) Ltd', '--cadence', '1w', '--note', LONG_NOTE],
    ['client', 'add', '東京デザイン株式会社', '--company', '株式会社トウキョウ・デザイン・スタジオ', '--cadence', '2w'],
    ['client', 'add', 'Zoë 👩‍💻 Lund', '--cadence', '10d'],
    ['log', 'acme', '--at', '2026-09-01 10:00', '--summary', LONG_SUMMARY, '--no-recap'],
    ['invoice', 'add', 'acme', '--amount', '12,400', '--currency', 'EUR', '--issued', '2026-08-01', '--terms', '14', '--project', 'Checkout redesign, phase two (mobile and desktop)'],
    ['invoice', 'add', '東京', '--amount', '300000', '--currency', 'JPY', '--issued', '2026-10-01', '--terms', '30', '--project', 'ブランドガイドライン改訂版の作成'],
    ['invoice', 'dispute', 'INV-0001', '--reason', 'Says the mobile work was never agreed, although it is in the signed statement of work'],
    ['incident', 'add', 'acme', '--kind', 'unreasonable-demand', '--on', '2026-10-03 23:40', '--note', 'Called at midnight demanding the whole checkout be rebuilt by Monday morning'],
    ['incident', 'add', 'acme', '--kind', 'ignored-advice', '--on', '2026-10-10 11:00', '--note', 'Overrode the accessibility advice on colour contrast'],
    ['incident', 'add', 'acme', '--kind', 'ignored-advice', '--on', '2026-10-20 11:00'],
    ['change', 'add', 'acme', '--summary', 'Add a second loyalty tier with its own landing page and emails', '--hours', '12', '--unbilled'],
    ['remind', 'add', 'zoë', '--on', '2026-11-25', '--text', 'Ask how the trip to Kyoto went and whether the family enjoyed the autumn leaves'],
  ]);
});

const WIDTHS = [60, 80, 120];

const VIEWS: [string, string[]][] = [
  ['client list', ['client', 'list', '--all']],
  ['client show', ['client', 'show', 'acme']],
  ['invoice list', ['invoice', 'list']],
  ['remind list', ['remind', 'list', '--all']],
  ['due', ['due', '--within', '30']],
  ['review', ['review', 'acme']],
  ['review --explain', ['review', 'acme', '--explain']],
  ['review --all', ['review', '--all']],
  ['rules', ['rules']],
  ['db status', ['db', 'status']],
];

const tooWide = (out: string, width: number): string[] => out.split('\n').filter((l) => displayWidth(l) > width);
/** The words of a text, whatever its line breaks and indentation. */
const words = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe.each(WIDTHS)('at %i columns', (width) => {
  it.each(VIEWS)('%s fits', async (_name, args) => {
    const r = await crm(args, { db, columns: width });
    expect(r.code, r.stderr).toBe(0);
    expect(tooWide(r.stdout, width)).toEqual([]);
  });

  it('client show wraps the note without losing a word', async () => {
    const r = await crm(['client', 'show', 'acme'], { db, columns: width });
    expect(words(r.stdout)).toContain(words(LONG_NOTE));
  });

  it('the review card wraps prose under its own indentation', async () => {
    const r = await crm(['review', 'acme'], { db, columns: width });
    const lines = r.stdout.split('\n');
    // A wrapped evidence line ("    · …") continues under its text, six columns in.
    for (const [i, line] of lines.entries()) {
      const next = lines[i + 1];
      if (line.startsWith('    · ') && next !== undefined && /^ {6}\S/.test(next)) expect(displayWidth(line) + displayWidth(next.trim()) + 1).toBeGreaterThan(width);
    }
    expect(words(r.stdout)).toContain('Called at midnight demanding the whole checkout be rebuilt by Monday morning');
  });
});

describe('what is not for a terminal ignores the width', () => {
  it.each([
    ['client list --json', ['client', 'list', '--all', '--json']],
    ['review --json', ['review', 'acme', '--json']],
    ['due --json', ['due', '--within', '30', '--json']],
    ['due --cron', ['due', '--within', '30', '--cron']],
    ['due --ics', ['due', '--within', '30', '--ics']],
    ['recap (pasted into an email, wrapped by the mail client)', ['recap', 'acme']],
  ])('%s', async (_name, args) => {
    const narrow = await crm(args, { db, columns: 40 });
    const wide = await crm(args, { db, columns: 200 });
    expect(narrow.code).toBe(0);
    expect(narrow.stdout).toBe(wide.stdout);
  });
});

describe('tables', () => {
  it('cut the widest column with … and keep every row on one line', async () => {
    const wide = await crm(['invoice', 'list'], { db, columns: 200 });
    const narrow = await crm(['invoice', 'list'], { db, columns: 60 });
    expect(wide.stdout.split('\n').length).toBe(narrow.stdout.split('\n').length);
    expect(narrow.stdout).toContain('…');
    expect(narrow.stdout).toContain('INV-0001');
    expect(narrow.stdout).toContain('INV-0002');
  });

  it('with no terminal and no $COLUMNS, fit 80 columns', async () => {
    const r = await crm(['client', 'show', 'acme'], { db });
    expect(tooWide(r.stdout, 80)).toEqual([]);
    const env = await crm(['client', 'show', 'acme'], { db, env: { COLUMNS: '60' } });
    expect(tooWide(env.stdout, 60)).toEqual([]);
  });
});
