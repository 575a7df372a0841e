// Bad input through the built binary (npm run build first): every case exits 2 with one line on
// stderr naming the value, prints nothing on stdout, and writes nothing — the database stays
// byte-identical, or, when there was none, no file or folder appears.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, spawnCrm, tempDir, testEnv } from '../helpers/cli.js';
import { fileTree } from '../helpers/checks.js';

// Seeded once through the CLI itself; each case gets its own copy.
let template: string;
beforeAll(() => {
  template = tempDir('crm-bad-template-');
  const db = path.join(template, 'data', 'crm.db');
  for (const args of [
    ['client', 'add', 'Acme Corp'],
    ['client', 'add', 'Acme Labs'],
    ['client', 'add', 'Globex'],
    ['invoice', 'add', 'globex', '--amount', '100', '--issued', '2026-11-01'],
  ]) {
    const r = spawnCrm(args, { db });
    if (r.code !== 0) throw new Error(`seed ${args.join(' ')}: ${r.stderr}`);
  }
  expect(fs.readdirSync(path.dirname(db))).toEqual(['crm.db']);
});

interface Case {
  what: string;
  args: string[];
  /** Must appear in the one stderr line (usually the offending value, quoted). */
  message: RegExp;
  /** 'seeded': three clients and INV-0001; 'none': no database (nor its folder) exists yet. */
  db: 'seeded' | 'none';
}

const CASES: Case[] = [
  { what: 'impossible date', db: 'seeded', args: ['invoice', 'add', 'globex', '--amount', '10', '--issued', '2026-02-30'], message: /--issued '2026-02-30' is not a real calendar date/ },
  { what: 'impossible date, no database yet', db: 'none', args: ['remind', 'add', 'globex', '--on', '2026-02-30', '--text', 'x'], message: /'2026-02-30'/ },
  { what: 'negative amount', db: 'seeded', args: ['invoice', 'add', 'globex', '--amount', '-5'], message: /--amount '-5' is negative/ },
  { what: 'negative amount with =', db: 'seeded', args: ['invoice', 'add', 'globex', '--amount=-5'], message: /'-5'/ },
  { what: 'words for an amount', db: 'seeded', args: ['invoice', 'add', 'globex', '--amount', 'lots'], message: /--amount 'lots' is not an amount/ },
  { what: 'exponent notation', db: 'seeded', args: ['invoice', 'add', 'globex', '--amount', '1e3'], message: /--amount '1e3' is not an amount/ },
  { what: 'hex amount', db: 'seeded', args: ['invoice', 'add', 'globex', '--amount', '0x10'], message: /--amount '0x10' is not an amount/ },
  { what: 'decimals in JPY', db: 'seeded', args: ['invoice', 'add', 'globex', '--amount', '12.5', '--currency', 'JPY'], message: /'12\.5' has decimals, but JPY has no minor unit/ },
  { what: 'too many decimals', db: 'seeded', args: ['invoice', 'add', 'globex', '--amount', '12.505', '--currency', 'EUR'], message: /'12\.505' has more than 2 decimals/ },
  { what: 'unknown currency', db: 'seeded', args: ['invoice', 'add', 'globex', '--amount', '10', '--currency', 'XYZ'], message: /--currency 'XYZ' is not an ISO 4217 currency code/ },
  { what: 'unknown client, with a suggestion', db: 'seeded', args: ['invoice', 'add', 'Globx', '--amount', '10'], message: /no client matches 'Globx'; did you mean 'Globex'\?/ },
  { what: 'unknown client, no database yet', db: 'none', args: ['invoice', 'add', 'Globex', '--amount', '10'], message: /no client matches 'Globex'/ },
  { what: 'ambiguous prefix, with candidates', db: 'seeded', args: ['log', 'acme', '--summary', 'call'], message: /client 'acme' is ambiguous: it matches Acme Corp \(#1\), Acme Labs \(#2\)/ },
  { what: 'duplicate client name in other case', db: 'seeded', args: ['client', 'add', 'ACME CORP'], message: /'Acme Corp' already exists/ },
  { what: 'duplicate client name in NFD', db: 'seeded', args: ['client', 'add', 'globex'], message: /'Globex' already exists/ },
  { what: 'unknown incident kind', db: 'seeded', args: ['incident', 'add', 'globex', '--kind', 'rudeness'], message: /--kind 'rudeness' is not one of: physical-abuse, .*other/ },
  { what: 'overpayment', db: 'seeded', args: ['invoice', 'pay', 'INV-0001', '--amount', '100.01'], message: /--amount '100\.01' is more than the balance of INV-0001 \(100\.00 USD\)/ },
  { what: 'paying an unknown invoice', db: 'seeded', args: ['invoice', 'pay', 'INV-0042'], message: /no invoice numbered 'INV-0042'/ },
  { what: 'paying an invoice, no database yet', db: 'none', args: ['invoice', 'pay', 'INV-0001'], message: /no invoice numbered 'INV-0001'/ },
  { what: 'due date before issue date', db: 'seeded', args: ['invoice', 'add', 'globex', '--amount', '10', '--issued', '2026-11-10', '--due', '2026-11-01'], message: /--due '2026-11-01' is before the issue date 2026-11-10/ },
  { what: 'empty name', db: 'seeded', args: ['client', 'add', ''], message: /name is empty/ },
  { what: 'blank name, no database yet', db: 'none', args: ['client', 'add', '   '], message: /name is empty/ },
  { what: 'missing <client> without a terminal (stdin closed)', db: 'seeded', args: ['log'], message: /missing <client>/ },
  { what: 'missing required --amount', db: 'seeded', args: ['invoice', 'add', 'globex'], message: /--amount/ },
  { what: 'missing required --on', db: 'none', args: ['remind', 'add', 'globex', '--text', 'x'], message: /--on/ },
  { what: '--due with --terms', db: 'seeded', args: ['invoice', 'add', 'globex', '--amount', '10', '--due', '+1m', '--terms', '14'], message: /--due .*--terms/ },
  { what: 'unknown command typo', db: 'seeded', args: ['clinet', 'list'], message: /unknown command 'clinet'.*client/i },
  { what: 'unknown subcommand typo', db: 'seeded', args: ['invoice', 'ad', 'globex', '--amount', '10'], message: /unknown command 'ad'.*add/i },
  { what: 'unknown option typo', db: 'seeded', args: ['client', 'list', '--jsn'], message: /unknown option '--jsn'.*--json/i },
  { what: 'unknown option typo on a write', db: 'seeded', args: ['client', 'add', 'Initech', '--emial', 'x@initech.test'], message: /unknown option '--emial'.*--email/i },
  // A typo of a required flag must get the hint, not "missing --amount".
  { what: 'typo of a required option', db: 'seeded', args: ['invoice', 'add', 'Globex', '--amont', '10'], message: /unknown option '--amont'.*did you mean --amount/i },
  { what: 'required option missing', db: 'seeded', args: ['remind', 'add', 'Globex', '--on', 'tomorrow'], message: /missing required option --text/ },
  { what: 'reminder that does not exist, no database yet', db: 'none', args: ['remind', 'done', '3'], message: /no reminder #3/ },
  { what: 'a cadence longer than ten years', db: 'seeded', args: ['client', 'edit', 'globex', '--cadence', '5000'], message: /--cadence '5000' is too long/ },
  { what: 'payment terms longer than ten years', db: 'seeded', args: ['invoice', 'add', 'globex', '--amount', '10', '--terms', '99999m'], message: /--terms '99999m' is too long/ },
  { what: 'a date beyond year 2999 (its reminders would need five-digit years)', db: 'seeded', args: ['deliver', 'globex', '--on', '9999-12-30'], message: /--on '9999-12-30' is out of range/ },
  { what: 'an incident date-time beyond year 2999', db: 'seeded', args: ['incident', 'add', 'globex', '--kind', 'other', '--on', '9999-12-31T23:59:00Z'], message: /'9999-12-31T23:59:00Z' is out of range/ },
  { what: 'unknown cadence', db: 'seeded', args: ['client', 'add', 'Initech', '--cadence', 'weekly'], message: /--cadence 'weekly'/ },
];

describe('bad input exits 2, says what was wrong in one line, and writes nothing', () => {
  it.each(CASES.map((c) => [c.what, c] as const))('%s', (_what, c) => {
    const dir = tempDir('crm-bad-');
    if (c.db === 'seeded') fs.cpSync(template, dir, { recursive: true });
    const before = fileTree(dir);
    const r = spawnCrm(c.args, { db: path.join(dir, 'data', 'crm.db') });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^crm: [^\n]+\n$/); // exactly one line, no stack trace
    expect(r.stderr).toMatch(c.message);
    expect(fileTree(dir)).toEqual(before);
  });
});

describe('never waits for input it cannot get', () => {
  it('crm log with stdin an open pipe (not a terminal) fails at once instead of prompting', async () => {
    const dir = tempDir('crm-bad-');
    fs.cpSync(template, dir, { recursive: true });
    const before = fileTree(dir);
    const child = spawn(process.execPath, [BIN, 'log'], { env: testEnv({ db: path.join(dir, 'data', 'crm.db') }), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const started = Date.now();
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, 8000);
      child.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    child.stdin.end();
    expect(code, 'crm log hung waiting for input').toBe(2);
    expect(Date.now() - started).toBeLessThan(8000);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^crm: missing <client>[^\n]*\n$/);
    expect(fileTree(dir)).toEqual(before);
  });
});
