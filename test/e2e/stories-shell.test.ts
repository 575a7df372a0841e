// Stories of a freelancer at the shell: Tab completion as bash really splits the line (at = and :
// too), names with quotes and folders of the same name, the zsh and fish scripts on the same lines,
// a completion helper that stays quiet whatever state the database or config is in, and the demo
// on awkward days in far-apart zones. The scripts run the built binary through a `crm` on PATH.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { crm, crmJson, seed, tempDb, tempDir, testEnv } from '../helpers/cli.js';
import { hasShell as has, withCrmOnPath } from '../helpers/shells.js';
import { singleQuote as q } from '../../src/domain/shell.js';
import { shQuote } from '../../src/render/completion-model.js';

/**
 * A command line split as bash hands it to a completion function: at unquoted blanks, and at the
 * unquoted = and : of COMP_WORDBREAKS, which become words of their own ("--db=x" is --db, =, x).
 */
function bashWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? '';
    if (quote) {
      if (c === quote) quote = '';
      cur += c;
    } else if (c === '\\') {
      cur += c + (line[++i] ?? '');
    } else if (c === "'" || c === '"') {
      quote = c;
      cur += c;
    } else if (c === ' ') {
      if (cur) words.push(cur);
      cur = '';
    } else if (c === '=' || c === ':') {
      if (cur) words.push(cur);
      words.push(c);
      cur = '';
    } else {
      cur += c;
    }
  }
  if (cur || line.endsWith(' ')) words.push(cur);
  return words;
}

let db: string;
let env: NodeJS.ProcessEnv;
let scripts: string;
let cwd: string;

beforeAll(async () => {
  db = tempDb();
  await seed(db, [
    ['client', 'add', "O'Brien & Sons"], ['client', 'add', 'Café Zoë'], ['client', 'add', 'Cafe Nero'],
    ['client', 'add', 'Acme Corp'], ['client', 'add', 'Docs'], ['client', 'add', 'Studio:Nord'],
  ]);
  // CRM_DB names another (missing) database: the names must come from the --db on the line.
  env = withCrmOnPath(testEnv({ db: path.join(tempDir(), 'none.db') }));
  scripts = tempDir('crm-scripts-');
  for (const shell of ['bash', 'zsh', 'fish']) {
    fs.writeFileSync(path.join(scripts, `crm.${shell}`), spawnSync('crm', ['completion', shell], { env, encoding: 'utf8' }).stdout);
  }
  cwd = tempDir('crm-cwd-');
  fs.mkdirSync(path.join(cwd, 'Docs')); // a folder named like a client, where the user stands
});

/** bash's _crm on `line` as bash splits it; compopt calls are reported as `compopt …` lines. */
function bash(line: string, opts: { cwd?: string } = {}): { reply: string[]; compopt: string[] } {
  const words = bashWords(line);
  const script = [
    `compopt() { printf 'compopt %s\\n' "$*" >&3; }`,
    `source ${q(path.join(scripts, 'crm.bash'))}`,
    `COMP_LINE=${q(line)}; COMP_POINT=${Buffer.byteLength(line)}; COMP_WORDS=(${words.map(q).join(' ')}); COMP_CWORD=${words.length - 1}`,
    `_crm 3>"$OPTS"; printf '%s\\n' "\${COMPREPLY[@]}"`,
  ].join('\n');
  const opts3 = path.join(tempDir(), 'compopt');
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', script], {
    env: { ...env, OPTS: opts3 }, encoding: 'utf8', cwd: opts.cwd ?? cwd,
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const compopt = fs.existsSync(opts3) ? fs.readFileSync(opts3, 'utf8').split('\n').filter(Boolean) : [];
  return { reply: r.stdout.split('\n').filter((l) => l !== ''), compopt };
}

describe('bash: lines as bash really splits them', () => {
  it('splits at words the way bash does (the helper this file relies on)', () => {
    expect(bashWords('crm --db=/x/c.db review ca')).toEqual(['crm', '--db', '=', '/x/c.db', 'review', 'ca']);
    expect(bashWords('crm log --at 15:00 ')).toEqual(['crm', 'log', '--at', '15', ':', '00', '']);
    expect(bashWords(`crm review "a=b c`)).toEqual(['crm', 'review', '"a=b c']);
    expect(bashWords('crm --db=')).toEqual(['crm', '--db', '=']);
  });

  it('--db=FILE: names come from that file, before or after the command', () => {
    expect(bash(`crm --db=${db} review ca`).reply).toEqual(['Cafe Nero', 'Café Zoë']);
    expect(bash(`crm review --db=${db} acme`).reply).toEqual(['Acme Corp']);
    expect(bash(`crm --db=${db} cl`).reply).toEqual(['client']); // the command after it still completes
    expect(bash(`crm --db=${db} invoice add acme --cu`).reply).toEqual(['--currency']);
  });

  it('--db=<Tab> completes the file after the =, as readline keeps --db=', () => {
    const dir = path.dirname(db);
    expect(bash(`crm --db=${dir}/cr`).reply).toContain(db);
    expect(bash(`crm log acme --mood=neg`).reply).toEqual(['negative']);
    expect(bash(`crm log acme --channel=`).reply).toEqual(['email', 'phone', 'video', 'in-person', 'chat']);
  });

  it('a time typed with a colon is one value, so the client after it still completes', () => {
    expect(bash(`crm --db ${db} log --at 15:00 acme`).reply).toEqual(['Acme Corp']);
    expect(bash(`crm --db ${db} incident add --on yesterday\\ 14:30 --kind verbal-abuse acme`).reply).toEqual(['Acme Corp']);
  });

  it('a name with a colon: readline keeps what is before the colon, so only the rest is offered', () => {
    expect(bash(`crm --db ${db} review Studio:N`).reply).toEqual(['Nord']);
  });

  it("O'Brien typed with a backslash or inside quotes, and a --db path with a space, ~ or quotes", () => {
    expect(bash(`crm --db ${db} review O\\'B`).reply).toEqual(["O'Brien & Sons"]);
    expect(bash(`crm --db ${db} review "O'B`).reply).toEqual(["O'Brien & Sons"]);
    expect(bash(`crm --db ${db} review 'o`).reply).toEqual(["O'Brien & Sons"]);
    const spaced = path.join(tempDir(), 'my clients');
    fs.mkdirSync(spaced);
    fs.copyFileSync(db, path.join(spaced, 'crm.db'));
    expect(bash(`crm --db ${spaced.replaceAll(' ', '\\ ')}/crm.db review ca`).reply).toEqual(['Cafe Nero', 'Café Zoë']);
    expect(bash(`crm --db "${spaced}/crm.db" review ca`).reply).toEqual(['Cafe Nero', 'Café Zoë']);
    fs.copyFileSync(db, path.join(env.HOME ?? '', 'home.db'));
    expect(bash('crm --db ~/home.db review ca').reply).toEqual(['Cafe Nero', 'Café Zoë']);
  });

  it('after --, everything is an argument: names, even ones that look like nothing special', () => {
    expect(bash(`crm --db ${db} review -- ca`).reply).toEqual(['Cafe Nero', 'Café Zoë']);
  });

  it('a name that is also a folder where you stand is offered escaped, not as the folder (no /)', () => {
    const there = bash(`crm --db ${db} review do`);
    expect(there.reply).toEqual(['Docs']);
    expect(there.compopt).toEqual([]); // -o filenames would make readline write Docs/
    const all = bash(`crm --db ${db} review `);
    expect(all.reply).toContain("O\\'Brien\\ \\&\\ Sons");
    expect(all.reply).toContain('Docs');
    // Elsewhere, readline quotes the names itself.
    const elsewhere = bash(`crm --db ${db} review o`, { cwd: tempDir() });
    expect(elsewhere).toEqual({ reply: ["O'Brien & Sons"], compopt: ['compopt -o filenames'] });
  });

  it('enum values of each command, remind add --kind its own', () => {
    expect(bash('crm remind add acme --kind ').reply).toEqual(['follow-up', 'personal', 'feedback']);
    expect(bash('crm incident add acme --kind ').reply).toContain('verbal-abuse');
    expect(bash('crm incident add acme --severity h').reply).toEqual(['high']);
    expect(bash('crm invoice resolve INV-0001 --outcome w').reply).toEqual(['written-off']);
  });
});

describe.skipIf(!has('zsh'))('zsh: --flag=VALUE', () => {
  // compadd and compset exist only inside a completion widget: stand-ins that print what they get.
  const zsh = (line: string): string[] => {
    const words = line.split(' ');
    const r = spawnSync('zsh', ['-fc', `compdef() {}; _files() { print -r -- FILES }
compset() { if [[ $1 == -P && $PREFIX == $2* ]]; then IPREFIX+=$2; PREFIX=\${PREFIX#$2}; fi }
compadd() { local ip=''; while [[ $1 == -* && $1 != -- ]]; do [[ $1 == -i ]] && { ip=$2; shift; }; shift; done; [[ $1 == -- ]] && shift; local w; for w; do print -r -- "$ip$w"; done }
source ${q(path.join(scripts, 'crm.zsh'))}; words=(${words.map(q).join(' ')}); CURRENT=${words.length}; PREFIX=${q(words.at(-1) ?? '')}; IPREFIX=''; _crm`], {
      env, encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter((l) => l !== '');
  };

  it('completes the value after the =, keeping --flag= in front of a name', () => {
    expect(zsh(`crm --db ${db} log acme --mood=neg`)).toEqual(['positive', 'neutral', 'negative']); // compadd filters them
    expect(zsh(`crm --db=${db} referral add acme --referred=o`)).toEqual(["--referred=O'Brien & Sons"]);
    expect(zsh(`crm --db=${db} review o`)).toEqual(["O'Brien & Sons"]);
  });
});

describe.skipIf(!has('fish'))('fish: quotes and --flag=VALUE', () => {
  const fish = (line: string): string[] => {
    const fq = (s: string): string => shQuote(s, true);
    const r = spawnSync('fish', ['--no-config', '-c', `source ${fq(path.join(scripts, 'crm.fish'))}; complete -C ${fq(line)}`], { env, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter((l) => l !== '').map((l) => l.split('\t')[0] ?? '');
  };

  it("a name typed in quotes or with a backslash, and values after --flag=", () => {
    expect(fish(`crm --db ${db} review 'acme c`)).toEqual(['Acme Corp']);
    expect(fish(`crm --db ${db} review O\\'B`)).toEqual(["O'Brien & Sons"]);
    expect(fish(`crm --db ${db} log acme --mood=n`)).toEqual(['--mood=negative', '--mood=neutral']);
    expect(fish(`crm --db ${db} referral add acme --referred=o`)).toEqual(["--referred=O'Brien & Sons"]);
    expect(fish(`crm --db=${db} review o`)).toEqual(["O'Brien & Sons"]);
  });
});

describe('crm __complete stays quiet and quick', () => {
  it('a broken config file does not matter: names, no noise', async () => {
    const config = path.join(tempDir(), 'config.json');
    fs.writeFileSync(config, '{ "currency": "EUR", ');
    expect(await crm(['__complete', 'clients', '--', 'o'], { db, env: { CRM_CONFIG: config } })).toEqual({ code: 0, stdout: "O'Brien & Sons\n", stderr: '' });
  });

  it('a folder, random bytes or a database locked by a writer: nothing printed, quickly, exit 0', async () => {
    const folder = tempDir();
    expect(await crm(['__complete', 'clients', 'a'], { db: folder })).toEqual({ code: 0, stdout: '', stderr: '' });
    const junk = path.join(tempDir(), 'junk.db');
    fs.writeFileSync(junk, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
    expect(await crm(['__complete', 'clients', 'a'], { db: junk })).toEqual({ code: 0, stdout: '', stderr: '' });

    const locked = path.join(tempDir(), 'locked.db');
    fs.copyFileSync(db, locked);
    const writer = new Database(locked);
    writer.pragma('locking_mode = EXCLUSIVE');
    writer.exec('BEGIN EXCLUSIVE');
    writer.exec('UPDATE clients SET name = name');
    try {
      const started = Date.now();
      expect(await crm(['__complete', 'clients', 'a'], { db: locked })).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
  });

  it('2,000 clients: every name for an empty prefix, the few for a typed one', async () => {
    const big = tempDb();
    const file = path.join(tempDir(), 'big.jsonl');
    const lines = [JSON.stringify({ type: 'crm-export', version: 1, schemaVersion: 4 })];
    for (let i = 1; i <= 2000; i++) {
      lines.push(JSON.stringify({
        type: 'client', id: i, name: `${['Café', 'Acme', 'Søren'][i % 3]} ${i}`, email: null, phone: null, company: null, channel: null,
        cadenceDays: 14, timezone: null, status: 'active', statusOn: null, statusReason: null, note: null, createdOn: '2025-01-01', revision: 1,
      }));
    }
    lines.push(JSON.stringify({ type: 'end', records: 2000 }));
    fs.writeFileSync(file, lines.join('\n') + '\n');
    expect((await crm(['import', file], { db: big })).code).toBe(0);
    expect((await crm(['__complete', 'clients', ''], { db: big })).stdout.split('\n').filter(Boolean)).toHaveLength(2000);
    const typed = (await crm(['__complete', 'clients', '--', 'soren 19'], { db: big })).stdout.split('\n').filter(Boolean);
    expect(typed).toHaveLength(Array.from({ length: 2000 }, (_, i) => i + 1).filter((i) => i % 3 === 2 && String(i).startsWith('19')).length);
    expect(typed.every((n) => n.startsWith('Søren 19'))).toBe(true);
  });
});

describe('crm demo on awkward days, far apart', () => {
  // Local wall clocks: a Monday and a Sunday morning, just after New Year's midnight, Feb 29 of a
  // leap year, and a minute before midnight. Each in Auckland and Los Angeles.
  const moments = ['2026-11-23T09:00', '2026-11-22T08:30', '2027-01-01T00:05', '2028-02-29T12:00', '2026-11-22T23:59'];
  const zones = ['Pacific/Auckland', 'America/Los_Angeles'];
  /** The instant `wall` shows in `zone`, as CRM_NOW. */
  const instant = (wall: string, zone: string): string => {
    const guess = Date.parse(`${wall}:00Z`);
    const shown = new Date(guess).toLocaleString('sv-SE', { timeZone: zone }).replace(' ', 'T').slice(0, 16);
    return new Date(guess - (Date.parse(`${shown}:00Z`) - guess)).toISOString();
  };

  for (const zone of zones) {
    it(`review --all shows keep, watch and fire, and due has something, in ${zone}`, async () => {
      for (const wall of moments) {
        const now = instant(wall, zone);
        const opts = { now, env: { TZ: zone } };
        const file = tempDb();
        const made = await crm(['--db', file, 'demo'], opts);
        expect(made.code, `${wall} ${zone}: ${made.stderr}`).toBe(0);
        const all = await crmJson<{ clients: { verdict: string }[] }>(['--db', file, 'review', '--all'], opts);
        expect(new Set(all.clients.map((x) => x.verdict)), `${wall} ${zone}`).toEqual(new Set(['keep', 'watch', 'fire']));
        const due = await crmJson<{ checkIns: unknown[]; invoices: unknown[]; reminders: unknown[] }>(['--db', file, 'due'], opts);
        expect(due.invoices.length, `${wall} ${zone}`).toBeGreaterThan(0);
        expect(due.reminders.length, `${wall} ${zone}`).toBeGreaterThan(0);
        // Nothing in the sample is dated after the moment it was built.
        const db = new Database(file, { readonly: true });
        const latest = db.prepare('SELECT max(at) FROM interactions').pluck().get() as string;
        db.close();
        expect(Date.parse(latest), `${wall} ${zone}`).toBeLessThanOrEqual(Date.parse(now));
      }
    });
  }

  it('twice without --db: two folders, neither your database', async () => {
    const tmp = tempDir();
    const mine = tempDb();
    for (let i = 0; i < 2; i++) expect((await crm(['demo'], { db: mine, env: { TMPDIR: tmp } })).code).toBe(0);
    expect(fs.readdirSync(tmp)).toHaveLength(2);
    expect(fs.existsSync(mine)).toBe(false);
  });
});
