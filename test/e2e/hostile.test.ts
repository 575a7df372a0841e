// Hostile but legitimate input through the built binary: stored and shown verbatim, never
// interpreted — not by SQLite (metacharacters, LIKE wildcards), not by the terminal (escape
// sequences, NUL), and not truncated (100 KB notes, emoji, CJK).
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { spawnCrm, tempDb, tempDir, type Result } from '../helpers/cli.js';

let db: string;
const run = (args: string[], opts: { stdin?: string; env?: Record<string, string> } = {}): Result => spawnCrm(args, { db, ...opts });
function ok(args: string[], opts: { stdin?: string; env?: Record<string, string> } = {}): string {
  const r = run(args, opts);
  if (r.code !== 0) throw new Error(`crm ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  expect(r.stderr).toBe('');
  return r.stdout;
}
const okJson = (args: string[], opts: { stdin?: string } = {}): any => JSON.parse(ok([...args, '--json'], opts));

const ESC = '\u001b';
const NUL = '\u0000';
const BEL = '\u0007';
/** Colour, a cursor move, a screen clear and a window-title change (OSC), as an attacker would paste them. */
const ANSI = `${ESC}[31mRED${ESC}[0m ${ESC}[2J${ESC}[H ${ESC}]0;pwned${BEL} end`;

beforeEach(() => {
  db = tempDb();
});

describe('SQL metacharacters', () => {
  it("a client named Robert'); DROP TABLE clients;-- is just a name", () => {
    const bobby = "Robert'); DROP TABLE clients;--";
    const added = okJson(['client', 'add', bobby, '--company', "O'Brien & Sons; DELETE FROM invoices", '--note', '" OR 1=1 --']);
    expect(added.name).toBe(bobby);
    ok(['client', 'add', 'Globex']);
    ok(['invoice', 'add', bobby, '--amount', '10', '--project', "x'); DROP TABLE invoices;--"]);
    const clients = okJson(['client', 'list']);
    expect(clients.map((c: any) => c.name)).toEqual(['Globex', bobby]);
    expect(clients[1]).toMatchObject({ company: "O'Brien & Sons; DELETE FROM invoices", note: '" OR 1=1 --' });
    expect(okJson(['client', 'show', bobby]).name).toBe(bobby);
    expect(okJson(['client', 'show', "robert'"]).name).toBe(bobby); // a prefix with a quote
    const [inv] = okJson(['invoice', 'list', bobby]);
    expect(inv).toMatchObject({ client: { name: bobby }, project: "x'); DROP TABLE invoices;--" });
    // the list clips long names, and fits the terminal: on a wide one the name's start shows
    expect(ok(['client', 'list'], { env: { COLUMNS: '200' } })).toContain("Robert'); DROP TABLE clients");
  });
});

describe('% and _ in names are literal', () => {
  beforeEach(() => {
    for (const name of ['100%_Agency', '100 Agency', '1000x Agency', '_under']) ok(['client', 'add', name]);
  });

  it('stored and shown verbatim', () => {
    expect(okJson(['client', 'list']).map((c: any) => c.name).sort()).toEqual(['1000x Agency', '100 Agency', '100%_Agency', '_under'].sort());
    expect(ok(['client', 'list'])).toContain('100%_Agency');
  });

  it.each([
    ['100%', '100%_Agency'],
    ['100%_', '100%_Agency'],
    ['100%_agency', '100%_Agency'],
    ['_', '_under'],
    ['100 a', '100 Agency'],
  ])('prefix %j finds only %s', (ref, name) => {
    expect(okJson(['client', 'show', ref]).name).toBe(name);
  });

  it.each(['%', '100_', '%Agency', '1%'])('%j is no wildcard: unknown client, exit 2', (ref) => {
    const r = run(['client', 'show', ref]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no client matches/);
  });
});

describe('emoji and CJK', () => {
  it('are stored and shown verbatim, and found by prefix', () => {
    const name = '株式会社さくら 🌸';
    const note = '会議は火曜日 👍🏽 — Zoë said «ok» 👨‍👩‍👧';
    okJson(['client', 'add', name, '--note', note, '--company', '한국 회사']);
    okJson(['client', 'add', '🦄 Unicorn Labs']);
    expect(okJson(['client', 'show', '株式']).note).toBe(note);
    expect(okJson(['client', 'show', '🦄']).name).toBe('🦄 Unicorn Labs');
    ok(['remind', 'add', '株式', '--on', 'tomorrow', '--text', 'お礼を言う 🙏']);
    expect(okJson(['remind', 'list'])[0]).toMatchObject({ client: { name }, text: 'お礼を言う 🙏' });
    const list = ok(['client', 'list']);
    expect(list).toContain(name);
    expect(list).toContain('한국 회사');
    const show = ok(['client', 'show', name]);
    expect(show).toContain(note);
    expect(ok(['remind', 'list'])).toContain('お礼を言う 🙏');
  });
});

describe('a 100 KB note', () => {
  // Multi-line, multi-byte, just over 100 KB.
  const big = Array.from({ length: 1500 }, (_, i) => `line ${i}: ${'x'.repeat(40)} ü 猫 🐈 "quoted" 'single' \\back\\slash`).join('\n');

  it('is big enough to matter', () => {
    expect(Buffer.byteLength(big)).toBeGreaterThan(100 * 1024);
  });

  it('via --note-file is stored whole', () => {
    const file = path.join(tempDir(), 'note.txt');
    fs.writeFileSync(file, big + '\n');
    okJson(['client', 'add', 'Acme Corp', '--note-file', file]);
    expect(okJson(['client', 'show', 'acme']).note).toBe(big);
    // wide enough for its longest line, the card shows the note as it was written
    expect(ok(['client', 'show', 'acme'], { env: { COLUMNS: '200' } })).toContain(big.split('\n')[1499]);
  });

  it('via --note - on stdin is stored whole', () => {
    ok(['client', 'add', 'Acme Corp']);
    const inc = okJson(['incident', 'add', 'acme', '--kind', 'other', '--note', '-'], { stdin: big + '\n' });
    expect(inc.note).toBe(big);
    const edited = okJson(['client', 'edit', 'acme', '--note', '-'], { stdin: big });
    expect(edited.note).toBe(big);
  });
});

describe('terminal escape sequences in stored text', () => {
  beforeEach(() => {
    ok(['client', 'add', 'Acme Corp', '--note', ANSI, '--company', `Evil${ESC}[8mHidden`]);
  });

  it('JSON keeps them verbatim', () => {
    expect(okJson(['client', 'show', 'acme'])).toMatchObject({ note: ANSI, company: `Evil${ESC}[8mHidden` });
    expect(okJson(['client', 'list'])[0].note).toBe(ANSI);
  });

  it('human output never carries a raw ESC or BEL from user data', () => {
    ok(['log', 'acme', '--summary', `call ${ANSI}`, '--next', `next ${ESC}[5mblink`]);
    ok(['remind', 'add', 'acme', '--on', 'today', '--text', `remind ${ANSI}`]);
    ok(['invoice', 'add', 'acme', '--amount', '10', '--project', `proj ${ESC}[2J`]);
    ok(['change', 'add', 'acme', '--summary', `change ${ESC}[2J`]);
    ok(['deliver', 'acme', '--project', `deliv ${ESC}]0;t${BEL}`]);
    const outputs = [
      ok(['client', 'show', 'acme']),
      ok(['client', 'list']),
      ok(['recap', 'acme']),
      ok(['remind', 'list']),
      ok(['invoice', 'list']),
      ok(['log', 'acme', '--summary', `again ${ANSI}`]),
      ok(['deliver', 'acme', '--project', `deliv2 ${ESC}[2J`]),
      ok(['remind', 'done', '1']),
    ];
    for (const out of outputs) {
      expect(out).not.toContain(ESC);
      expect(out).not.toContain(BEL);
    }
    // Still visible, just defused.
    expect(outputs[0]).toMatch(/RED/);
    expect(outputs[0]).toMatch(/pwned/);
  });

  it('with colour forced on, the only escapes are crm\'s own colours', () => {
    const out = ok(['client', 'show', 'acme'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(out).toContain(ESC); // colour really is on
    expect(out).not.toContain(`${ESC}[31mRED`);
    expect(out).not.toContain(`${ESC}[2J`);
    expect(out).not.toContain(`${ESC}]0;`);
    expect(out).not.toContain(`${ESC}[8m`);
    expect(out).not.toContain(BEL);
  });

  it('error messages quoting user input defuse it too', () => {
    const r = run(['client', 'show', `nobody${ESC}[2J`]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain(ESC);
    expect(r.stderr).toMatch(/nobody/);
  });
});

describe('a NUL byte in a note', () => {
  it('via --note-file is stored whole, shown in JSON, and never printed raw', () => {
    const file = path.join(tempDir(), 'nul.txt');
    const note = `before${NUL}after ${NUL}${NUL} end`;
    fs.writeFileSync(file, note);
    ok(['client', 'add', 'Acme Corp', '--note-file', file]);
    ok(['incident', 'add', 'acme', '--kind', 'other', '--note-file', file]);
    expect(okJson(['client', 'show', 'acme']).note).toBe(note);
    const human = ok(['client', 'show', 'acme']);
    expect(human).not.toContain(NUL);
    expect(human).toMatch(/before.*after/);
  });
});
