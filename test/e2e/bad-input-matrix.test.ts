// The bad-input matrix, through the built binary (npm run build first): dates, amounts, currencies,
// client names, flags, notes and stdin. Every case exits 2 with one stderr line naming the field,
// prints nothing on stdout and writes nothing. Then the inputs that look hostile but are valid:
// NFC/NFD names, % and _ and quotes in names, NUL and ANSI escapes in notes, stdin at EOF.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, test } from 'vitest';
import { seed, tempDb, testEnv } from '../helpers/cli.js';
import { crmBin, dump, errLines, pool, report, requireBuilt, spawnAsync, withDb, type Run } from '../reliability/harness.js';

interface Case {
  args: string[];
  /** What the one stderr line must match: the field it names. */
  field: RegExp;
  stdin?: string;
  env?: Record<string, string>;
}

const NFC = 'Zo\u00eb';
const NFD = 'Zoe\u0308';

let db: string;
let dir: string;
const sha = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

beforeAll(async () => {
  requireBuilt();
  db = tempDb();
  dir = path.dirname(db);
  fs.writeFileSync(path.join(dir, 'huge.txt'), 'x'.repeat(1024 * 1024 + 1));
  fs.mkdirSync(path.join(dir, 'a-folder'));
  await seed(db, [
    ['client', 'add', 'Acme'],
    ['client', 'add', NFC],
    ['invoice', 'add', 'acme', '--amount', '100', '--currency', 'EUR', '--number', 'INV-0001'],
    ['invoice', 'dispute', 'INV-0001', '--reason', 'too much'],
  ]);
});

const note = (...more: string[]): string[] => ['incident', 'add', 'acme', '--kind', 'other', ...more];

const CASES: Case[] = [
  // Dates
  { args: ['log', 'acme', '--at', '2023-02-29'], field: /--at '2023-02-29'/ },
  { args: ['invoice', 'add', 'acme', '--amount', '10', '--issued', '31/12/2024'], field: /--issued '31\/12\/2024'/ },
  { args: ['invoice', 'add', 'acme', '--amount', '10', '--due', '2026-13-01'], field: /--due '2026-13-01'/ },
  { args: ['invoice', 'add', 'acme', '--amount', '10', '--issued', '2026-11-20', '--due', '2026-11-01'], field: /--due/ },
  { args: ['remind', 'add', 'acme', '--on', '2026-02-30', '--text', 'call'], field: /--on '2026-02-30'/ },
  { args: note('--on', '2026-11-20 25:00'), field: /--on '2026-11-20 25:00'/ },
  { args: ['log', 'acme', '--summary', 'call', '--follow-up', 'someday'], field: /--follow-up 'someday'/ },
  { args: ['invoice', 'pay', 'INV-0001', '--on', '2026/11/20'], field: /--on '2026\/11\/20'/ },
  { args: ['deliver', 'acme', '--on', '+3x'], field: /--on '\+3x'/ },
  { args: ['change', 'add', 'acme', '--summary', 'logo', '--on', '0000-00-00'], field: /--on '0000-00-00'/ },
  { args: ['client', 'list'], env: { CRM_NOW: 'tomorrow-ish' }, field: /CRM_NOW 'tomorrow-ish'/ },
  // Facts that cannot be true: what happened is not after now; what is to come is not before today
  { args: ['log', 'acme', '--at', '2062-01-01', '--summary', 'call'], field: /--at '2062-01-01' is in the future/ },
  { args: ['log', 'acme', '--at', '+1d', '--summary', 'call'], field: /--at '\+1d' is in the future/ },
  { args: ['invoice', 'pay', 'INV-0001', '--on', '2062-01-01'], field: /--on '2062-01-01' is after today/ },
  { args: ['invoice', 'dispute', 'INV-0001', '--reason', 'x', '--on', 'tomorrow'], field: /--on 'tomorrow' is after today/ },
  { args: ['invoice', 'resolve', 'INV-0001', '--outcome', 'upheld', '--on', '+2d'], field: /--on '\+2d' is after today/ },
  { args: note('--on', '2062-03-01 10:00'), field: /--on '2062-03-01 10:00' is in the future/ },
  { args: ['change', 'add', 'acme', '--summary', 'logo', '--on', '+1w'], field: /--on '\+1w' is after today/ },
  { args: ['referral', 'add', 'acme', '--on', 'tomorrow'], field: /--on 'tomorrow' is after today/ },
  { args: ['deliver', 'acme', '--on', '2062-01-01'], field: /--on '2062-01-01' is after today/ },
  { args: ['invoice', 'add', 'acme', '--amount', '10', '--issued', '+1m'], field: /--issued '\+1m' is after today/ },
  { args: ['log', 'acme', '--summary', 'call', '--follow-up', 'yesterday'], field: /--follow-up 'yesterday' is before today/ },
  { args: ['remind', 'add', 'acme', '--on', '-3d', '--text', 'call'], field: /--on '-3d' is before today/ },
  { args: ['log', 'acme', '--at', '2026-03-29 02:30', '--summary', 'x'], env: { TZ: 'Europe/Berlin' }, field: /--at '2026-03-29 02:30' does not exist in Europe\/Berlin/ },
  { args: note('--on', '2026-03-08 02:30'), env: { TZ: 'America/New_York' }, field: /--on '2026-03-08 02:30' does not exist in America\/New_York/ },
  // A conversation needs a summary when crm cannot ask for one
  { args: ['log', 'acme'], field: /--summary/ },
  { args: ['log', 'acme', '--summary', '-'], stdin: '', field: /--summary/ },
  { args: ['log', 'acme', '--summary', '   '], field: /--summary/ },
  // Amounts
  { args: ['invoice', 'add', 'acme', '--amount', 'Infinity'], field: /--amount 'Infinity'/ },
  { args: ['invoice', 'add', 'acme', '--amount', 'NaN'], field: /--amount 'NaN'/ },
  { args: ['invoice', 'add', 'acme', '--amount', '١٢٣'], field: /--amount '١٢٣'/ },
  { args: ['invoice', 'add', 'acme', '--amount', '9007199254740992'], field: /--amount '9007199254740992' is too large/ },
  { args: ['invoice', 'add', 'acme', '--amount', '19.999', '--currency', 'EUR'], field: /--amount '19.999'.*EUR/ },
  { args: ['invoice', 'add', 'acme', '--amount', '12.5', '--currency', 'JPY'], field: /--amount '12.5'.*JPY/ },
  { args: ['invoice', 'add', 'acme', '--amount', '-5'], field: /--amount '-5' is negative/ },
  { args: ['invoice', 'add', 'acme', '--amount', '0'], field: /--amount '0' is zero/ },
  { args: ['invoice', 'add', 'acme', '--amount', '1e3'], field: /--amount '1e3'/ },
  { args: ['invoice', 'add', 'acme', '--amount', '0x10'], field: /--amount '0x10'/ },
  { args: ['invoice', 'add', 'acme', '--amount', '1,20,0'], field: /--amount '1,20,0'/ },
  { args: ['invoice', 'add', 'acme', '--amount', 'Infinity', '--json'], field: /--amount 'Infinity'/ },
  { args: ['invoice', 'pay', 'INV-0001', '--amount', '1000'], field: /--amount '1000' is more than the balance/ },
  { args: ['invoice', 'resolve', 'INV-0001', '--outcome', 'discounted'], field: /--conceded/ },
  // Currencies
  { args: ['invoice', 'add', 'acme', '--amount', '10', '--currency', 'XYZ'], field: /--currency 'XYZ'/ },
  { args: ['invoice', 'add', 'acme', '--amount', '10', '--currency', 'EURO'], field: /--currency 'EURO'/ },
  { args: ['invoice', 'add', 'acme', '--amount', '10', '--currency', '€'], field: /--currency '€'/ },
  // Client names
  { args: ['client', 'add', ''], field: /name is empty/ },
  { args: ['client', 'add', '   '], field: /name is empty/ },
  { args: ['client', 'add', 'ACME'], field: /'Acme' already exists/ },
  { args: ['client', 'add', NFD], field: new RegExp(`'${NFC}' already exists`) },
  { args: ['client', 'add', 'Evil\u001b[31mCorp'], field: /name 'Evil\\x1b\[31mCorp' contains control characters/ },
  { args: ['client', 'add', 'x'.repeat(201)], field: /name is longer than 200/ },
  { args: ['log', 'nobody', '--summary', 'hi'], field: /no client matches 'nobody'/ },
  { args: ['log', '', '--summary', 'hi'], field: /client is empty/ },
  // Flags and enums
  { args: ['log', 'acme', '--channel', 'pigeon'], field: /--channel 'pigeon'/ },
  { args: ['log', 'acme', '--direction', 'sideways'], field: /--direction 'sideways'/ },
  { args: ['log', 'acme', '--mood', 'ecstatic'], field: /--mood 'ecstatic'/ },
  { args: note('--severity', 'extreme'), field: /--severity 'extreme'/ },
  { args: ['incident', 'add', 'acme', '--kind', 'murder'], field: /--kind 'murder'/ },
  { args: ['invoice', 'resolve', 'INV-0001', '--outcome', 'maybe'], field: /--outcome 'maybe'/ },
  { args: ['client', 'add', 'Foo', '--cadence', '-3'], field: /--cadence '-3'/ },
  { args: ['client', 'add', 'Foo', '--cadence', '0'], field: /--cadence '0'/ },
  { args: ['client', 'add', 'Foo', '--timezone', 'Mars/Olympus'], field: /--timezone 'Mars\/Olympus'/ },
  { args: ['client', 'add', 'Foo', '--email', 'not-an-email'], field: /--email 'not-an-email'/ },
  { args: ['invoice', 'add', 'acme', '--amount', '10', '--due', '2026-12-01', '--terms', '10'], field: /--due.*--terms|--terms.*--due/ },
  { args: ['invoice', 'add', 'acme'], field: /--amount/ },
  { args: ['invoice', 'add', 'acme', '--amount', '10', '--number', 'has space'], field: /--number 'has space'/ },
  { args: ['change', 'add', 'acme', '--summary', 'logo', '--hours', 'lots'], field: /--hours 'lots'/ },
  { args: ['remind', 'done', 'abc'], field: /'abc' is not an id/ },
  { args: ['due', '--within', '-3'], field: /--within '-3'/ },
  { args: ['due', '--within=-3'], field: /--within '-3'/ },
  { args: ['due', '--within', '2x'], field: /--within '2x'/ },
  // Typos: a suggestion, exit 2
  { args: ['clinet', 'list'], field: /unknown command 'clinet'.*client/ },
  { args: ['client', 'lst'], field: /unknown command 'lst'.*list/ },
  { args: ['client', 'list', '--jsn'], field: /unknown option '--jsn'.*--json/ },
  { args: ['log', 'acme', '--sumary', 'hi'], field: /unknown option '--sumary'.*--summary/ },
  { args: ['invoice', 'add', 'acme', '--ammount', '10'], field: /unknown option '--ammount'.*--amount/ },
  // Notes and stdin
  { args: note('--note', 'x', '--note-file', 'y'), field: /--note and --note-file/ },
  { args: note('--note-file', '/nonexistent/note.txt'), field: /--note-file '\/nonexistent\/note.txt' cannot be read/ },
  { args: note('--note-file', '{dir}/a-folder'), field: /--note-file '.*a-folder' cannot be read/ },
  { args: note('--note-file', '{dir}/huge.txt'), field: /--note-file '.*huge.txt' is larger than 1 MiB/ },
  { args: note('--note', '-'), stdin: 'y'.repeat(1024 * 1024 + 1), field: /--note from standard input is larger than 1 MiB/ },
  { args: ['log'], stdin: '', field: /missing <client>/ },
  { args: ['log', '--summary', '-'], stdin: 'a summary', field: /missing <client>/ },
];

describe('bad input matrix (exit 2, one line naming the field, stdout empty, nothing written)', () => {
  test(`${CASES.length} bad inputs`, async () => {
    const before = dump(db);
    const digest = sha(db);
    const results = await pool(CASES, 3, async (c): Promise<[Case, Run]> => {
      const args = c.args.map((a) => a.replace('{dir}', dir));
      return [c, await spawnAsync(args, { db, stdin: c.stdin, env: c.env, timeoutMs: 10_000 })];
    });
    const problems: string[] = [];
    for (const [c, r] of results) {
      const lines = errLines(r.stderr);
      const what = `crm ${c.args.join(' ').slice(0, 80)}`;
      if (r.code !== 2) problems.push(`${what}: exit ${r.code} (${r.signal ?? ''}) ${r.stderr}`);
      else if (r.stdout !== '') problems.push(`${what}: stdout ${JSON.stringify(r.stdout)}`);
      else if (lines.length !== 1) problems.push(`${what}: ${lines.length} stderr lines: ${r.stderr}`);
      else if (!c.field.test(lines[0]!)) problems.push(`${what}: ${lines[0]} does not match ${c.field}`);
    }
    expect(problems).toEqual([]);
    expect(sha(db)).toBe(digest);
    expect(dump(db)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(['a-folder', 'crm.db', 'huge.txt']);
    const slowest = Math.max(...results.map(([, r]) => r.ms));
    report(`bad input: ${CASES.length} bad inputs through the binary: ${CASES.length}/${CASES.length} exit 2 with one line naming the field, stdout empty, database byte-identical (slowest ${slowest} ms, no hang)`);
  }, 60_000);
});

describe('valid but hostile-looking input', () => {
  test(`NFC and NFD "Zoë" are one client: both spellings resolve to it, no duplicate`, async () => {
    const local = tempDb();
    await seed(local, [['client', 'add', NFD]]);
    const dup = await spawnAsync(['client', 'add', NFC], { db: local });
    expect(dup.code).toBe(2);
    for (const ref of [NFC, NFD, 'ZOË', 'zoe\u0308']) {
      const r = await spawnAsync(['log', ref, '--summary', `via ${ref}`, '--no-recap'], { db: local });
      expect(r.code, r.stderr).toBe(0);
    }
    withDb(local, (h) => {
      expect(h.prepare('SELECT name FROM clients').pluck().all()).toEqual([NFC]);
      expect(h.prepare('SELECT count(DISTINCT client_id) FROM interactions').pluck().get()).toBe(1);
    });
  });

  test("'100%_Agency' and \"O'Brien\" are stored verbatim; % and _ are literal in prefix search", async () => {
    const local = tempDb();
    await seed(local, [
      ['client', 'add', '100%_Agency'],
      ['client', 'add', '100 Agency'],
      ['client', 'add', '1000X Agency'],
      ["client", 'add', "O'Brien"],
      ['client', 'add', 'OXBrien'],
    ]);
    const show = async (ref: string): Promise<Run> => spawnAsync(['client', 'show', ref, '--json'], { db: local });
    // As SQL LIKE patterns, '100%' and '100_' would match several names; literally only one or none.
    expect(JSON.parse((await show('100%')).stdout).name).toBe('100%_Agency');
    expect(JSON.parse((await show('100%_')).stdout).name).toBe('100%_Agency');
    const underscore = await show('100_');
    expect(underscore.code).toBe(2);
    expect(underscore.stderr).toMatch(/no client matches '100_'/);
    expect(JSON.parse((await show("O'")).stdout).name).toBe("O'Brien");
    const list = await spawnAsync(['client', 'list', '--json'], { db: local });
    expect((JSON.parse(list.stdout) as { name: string }[]).map((c) => c.name).sort()).toEqual(
      ['100 Agency', '100%_Agency', '1000X Agency', "O'Brien", 'OXBrien'].sort(),
    );
  });

  test('a NUL byte and ANSI escapes in a note are stored exactly and never reach the terminal raw', async () => {
    const local = tempDb();
    await seed(local, [['client', 'add', 'Acme']]);
    const hostile = 'before\u0000after \u001b[31mRED\u001b[0m \u001b]0;pwned\u0007 \u009b2J end';
    const add = await spawnAsync(['client', 'add', 'Noted', '--note', '-'], { db: local, stdin: hostile });
    expect(add.code, add.stderr).toBe(0);
    const inc = await spawnAsync(['incident', 'add', 'acme', '--kind', 'other', '--note', '-'], { db: local, stdin: hostile });
    expect(inc.code, inc.stderr).toBe(0);
    withDb(local, (h) => {
      expect(h.prepare("SELECT note FROM clients WHERE name = 'Noted'").pluck().get()).toBe(hostile);
      expect(h.prepare('SELECT note FROM incidents').pluck().get()).toBe(hostile);
    });
    const human = await spawnAsync(['client', 'show', 'noted'], { db: local });
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('RED');
    // eslint-disable-next-line no-control-regex
    expect(human.stdout).not.toMatch(/[\u0000\u0007\u001b\u009b]/);
    const json = await spawnAsync(['client', 'show', 'noted', '--json'], { db: local });
    expect(JSON.parse(json.stdout).note).toBe(hostile);
    // eslint-disable-next-line no-control-regex
    expect(json.stdout).not.toMatch(/[\u0000\u0007\u001b\u009b]/);
  });

  test('crm log < /dev/null: no hang; with a client, an empty summary from an empty stdin is refused', async () => {
    const local = tempDb();
    await seed(local, [['client', 'add', 'Acme']]);
    const devNull = (args: string[]): Promise<Run> =>
      new Promise((resolve) => {
        const started = Date.now();
        const fd = fs.openSync('/dev/null', 'r');
        const child = spawn(process.execPath, [crmBin(), ...args], { env: testEnv({ db: local }), stdio: [fd, 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('close', (code, signal) => {
          clearTimeout(timer);
          fs.closeSync(fd);
          resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
        });
      });
    const bare = await devNull(['log']);
    expect(bare.signal).toBeNull();
    expect(bare.code).toBe(2);
    expect(errLines(bare.stderr)).toEqual([expect.stringMatching(/missing <client>/)]);
    const piped = await devNull(['log', 'acme', '--summary', '-', '--no-recap']);
    expect(piped.code, piped.stderr).toBe(2);
    expect(errLines(piped.stderr)).toEqual([expect.stringMatching(/--summary/)]);
    withDb(local, (h) => expect(h.prepare('SELECT count(*) FROM interactions').pluck().get()).toBe(0));
  });
});
