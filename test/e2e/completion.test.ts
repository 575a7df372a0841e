// `crm completion bash|zsh|fish` and the hidden `crm __complete`: the scripts are loaded in the real
// shells (a `crm` on PATH that runs this checkout's bin/crm.js, built by `npm test`)
// and asked for completions.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { crm, seed, tempDb, tempDir, testEnv } from '../helpers/cli.js';
import { hasShell as has, withCrmOnPath } from '../helpers/shells.js';
import { matchNames } from '../../src/cli/completion/complete.js';
import { singleQuote } from '../../src/domain/shell.js';

let db: string;
let env: NodeJS.ProcessEnv;
let scripts: string;

beforeAll(async () => {
  db = tempDb();
  await seed(db, [['client', 'add', 'Café Zoë'], ['client', 'add', 'Acme Corp'], ['client', 'add', 'Acme Labs'], ['client', 'archive', 'acme labs']]);
  env = withCrmOnPath(testEnv({ db }));
  scripts = tempDir('crm-scripts-');
  fs.writeFileSync(path.join(scripts, 'crm.bash'), spawnSync('crm', ['completion', 'bash'], { env, encoding: 'utf8' }).stdout);
});

/**
 * What bash's _crm offers for a command line (split at spaces, a trailing space being a new empty
 * word; or the words as bash splits them). `fresh`: load it the README's way, `source <(crm completion bash)`.
 */
function bashComplete(line: string | string[], extraEnv: NodeJS.ProcessEnv = {}, fresh = false): string[] {
  const words = typeof line === 'string' ? line.split(' ') : line;
  const arr = words.map(singleQuote).join(' ');
  const load = fresh ? 'source <(crm completion bash)' : `source ${path.join(scripts, 'crm.bash')}`;
  const r = spawnSync('bash', ['-c', `${load}; COMP_WORDS=(${arr}); COMP_CWORD=${words.length - 1}; _crm; printf '%s\\n' "\${COMPREPLY[@]}"`], {
    env: { ...env, ...extraEnv }, encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout.split('\n').filter((l) => l !== '');
}

describe('crm completion bash, loaded in bash', () => {
  it('completes client names where a <client> goes, accents and spaces as one word', () => {
    expect(bashComplete('crm review ca', {}, true)).toEqual(['Café Zoë']);
    expect(bashComplete('crm review CAFE')).toEqual(['Café Zoë']);
    expect(bashComplete('crm log acme')).toEqual(['Acme Corp', 'Acme Labs']); // archived ones too: <client> accepts them
    expect(bashComplete(['crm', 'invoice', 'add', '"acme c'])).toEqual(['Acme Corp']);
    expect(bashComplete('crm referral add acme --referred zo')).toEqual(['Café Zoë']); // a word of the name
    expect(bashComplete('crm review ')).toEqual(['Acme Corp', 'Acme Labs', 'Café Zoë']);
  });

  it('completes commands, subcommands and flags of the command being typed', () => {
    expect(bashComplete('crm cl')).toEqual(['client']);
    expect(bashComplete('crm client a', {}, true)).toEqual(['add', 'archive']);
    expect(bashComplete('crm re')).toEqual(expect.arrayContaining(['recap', 'referral', 'remind', 'review', 'report']));
    expect(bashComplete('crm invoice add acme --am')).toEqual(['--amount']);
    expect(bashComplete('crm log acme --mo')).toEqual(['--mood']);
    expect(bashComplete('crm config ')).toEqual(['list', 'get', 'set', 'unset', 'path']);
    expect(bashComplete('crm client list --d')).toEqual(['--db']); // crm's own options hold everywhere
    expect(bashComplete('crm __')).toEqual([]); // the hidden helper is not offered
  });

  it('completes the values of flags that take a fixed set', () => {
    expect(bashComplete('crm log acme --channel ')).toEqual(['email', 'phone', 'video', 'in-person', 'chat']);
    expect(bashComplete('crm log acme --channel p')).toEqual(['phone']);
    expect(bashComplete('crm incident add acme --kind v')).toEqual(['verbal-abuse']);
    expect(bashComplete('crm remind add acme --kind ')).toEqual(['follow-up', 'personal', 'feedback']);
    expect(bashComplete('crm invoice resolve INV-0001 --outcome ')).toEqual(['upheld', 'discounted', 'written-off']);
    expect(bashComplete('crm incident add acme --severity ')).toEqual(['low', 'medium', 'high']);
    expect(bashComplete('crm log acme --direction ')).toEqual(['in', 'out']);
    expect(bashComplete('crm export --format ')).toEqual(['jsonl', 'json', 'csv']);
    expect(bashComplete('crm export --format csv --type ')).toEqual(['invoices', 'payments', 'clients']);
    expect(bashComplete('crm completion ')).toEqual(['bash', 'zsh', 'fish']);
    // A value given, the next word is a flag or an argument again.
    expect(bashComplete('crm log --channel phone ca')).toEqual(['Café Zoë']);
  });

  it('asks the database named on the line (--db), and a missing or foreign one gives no names and no noise', () => {
    const other = tempDb();
    expect(bashComplete(`crm --db ${other} review a`)).toEqual([]);
    const foreign = path.join(tempDir(), 'notes.db');
    fs.writeFileSync(foreign, 'SQLite format 3\0 but not really');
    expect(bashComplete(`crm --db ${foreign} review a`)).toEqual([]);
    expect(bashComplete('crm review a', { CRM_DB: foreign })).toEqual([]);
    expect(bashComplete(`crm review --db=${db} zo`)).toEqual(['Café Zoë']);
  });
});

describe('crm __complete', () => {
  it('prints matching names one a line, nothing for a missing database, exit 0 either way', async () => {
    expect(await crm(['__complete', 'clients', '--', 'ac'], { db })).toEqual({ code: 0, stdout: 'Acme Corp\nAcme Labs\n', stderr: '' });
    expect(await crm(['__complete', 'clients', '--', '-x'], { db })).toEqual({ code: 0, stdout: '', stderr: '' });
    const missing = tempDb();
    expect(await crm(['__complete', 'clients', 'a'], { db: missing })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(fs.existsSync(missing)).toBe(false); // never creates one
    expect(await crm(['__complete', 'flags'], { db })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await crm(['--help'], { db })).stdout).not.toContain('__complete');
  });

  it('matches a prefix of the name, then of a word in it, accents and case aside', () => {
    const names = ['Café Zoë', 'Acme Corp', 'Søren Bakery'];
    expect(matchNames(names, 'cafe z')).toEqual(['Café Zoë']);
    expect(matchNames(names, 'soren')).toEqual(['Søren Bakery']);
    expect(matchNames(names, 'bak')).toEqual(['Søren Bakery']);
    expect(matchNames(names, '')).toEqual(names);
    expect(matchNames(names, 'x')).toEqual([]);
  });
});

describe('crm completion', () => {
  it('refuses an unknown shell, listing bash, zsh and fish', async () => {
    const r = await crm(['completion', 'tcsh']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe("crm: shell 'tcsh' is not one of: bash, zsh, fish\n");
  });

  it('prints scripts naming their functions, made from the whole command tree', async () => {
    const bash = (await crm(['completion', 'bash'])).stdout;
    expect(bash).toContain('complete -F _crm crm');
    const zsh = (await crm(['completion', 'zsh'])).stdout;
    expect(zsh.startsWith('#compdef crm\n')).toBe(true);
    expect(zsh).toContain('compdef _crm crm');
    const fish = (await crm(['completion', 'fish'])).stdout;
    expect(fish).toContain("complete -c crm -f -a '(__crm_complete)'");
    for (const script of [bash, zsh, fish]) {
      for (const cmd of ['client add', 'invoice pay', 'remind snooze', 'config set', 'db backup']) expect(script).toContain(`'${cmd}'`);
      expect(script).not.toContain("'__complete'");
    }
  });

  it.skipIf(!has('zsh'))('zsh: the function offers names, subcommands, flags and values', () => {
    fs.writeFileSync(path.join(scripts, '_crm'), spawnSync('crm', ['completion', 'zsh'], { env, encoding: 'utf8' }).stdout);
    const zsh = (line: string): string[] => {
      const words = line.split(' ');
      const arr = words.map((w) => `'${w}'`).join(' ');
      // compadd and friends exist only inside a completion widget: stand-ins print what they get.
      const r = spawnSync('zsh', ['-fc', `compdef() {}; _files() { print -r -- FILES }
compadd() { while [[ $1 == -* && $1 != -- ]]; do shift; done; [[ $1 == -- ]] && shift; print -rl -- "$@" }
source ${scripts}/_crm; words=(${arr}); CURRENT=${words.length}; PREFIX=${JSON.stringify(words.at(-1))}; _crm`], { env, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      return r.stdout.split('\n').filter((l) => l !== '');
    };
    expect(zsh('crm review ca')).toEqual(['Café Zoë']);
    expect(zsh('crm client a')).toEqual(expect.arrayContaining(['add', 'archive']));
    expect(zsh('crm log acme --ch')).toContain('--channel');
    expect(zsh('crm log acme --mood ')).toEqual(['positive', 'neutral', 'negative']);
    expect(zsh('crm db backup ')).toEqual(['FILES']);
  });

  it.skipIf(!has('fish'))('fish: complete -C offers names, subcommands, flags and values', () => {
    const file = path.join(scripts, 'crm.fish');
    fs.writeFileSync(file, spawnSync('crm', ['completion', 'fish'], { env, encoding: 'utf8' }).stdout);
    const fish = (line: string): string[] => {
      const r = spawnSync('fish', ['--no-config', '-c', `source ${file}; complete -C ${JSON.stringify(line)}`], { env, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      return r.stdout.split('\n').filter((l) => l !== '').map((l) => l.split('\t')[0] ?? '');
    };
    expect(fish('crm review ca')).toEqual(['Café Zoë']);
    expect(fish('crm client a')).toEqual(['add', 'archive']);
    expect(fish('crm log acme --cha')).toEqual(['--channel']);
    expect(fish('crm incident add acme --kind verbal')).toEqual(['verbal-abuse']);
    expect(fish('crm completion ')).toEqual(['bash', 'fish', 'zsh']);
  });
});
