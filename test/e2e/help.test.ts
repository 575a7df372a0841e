// Every command explains itself: --help with a description and at least one example, `crm help
// <command…>` the same page, and the README both describing the command and carrying its help
// page verbatim in the generated reference (scripts/reference.mjs; `npm run docs` refreshes it).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crm, ROOT } from '../helpers/cli.js';
// @ts-expect-error -- a plain .mjs script without types; its functions are exercised here.
import { BEGIN, END, WIDTH, pages, reference, subcommands } from '../../scripts/reference.mjs';

interface Page { path: string[]; text: string }

const help = async (cmdPath: string[]): Promise<string> => {
  const r = await crm(['help', ...cmdPath], { columns: WIDTH });
  if (r.code !== 0) throw new Error(`crm help ${cmdPath.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
};

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const all: Page[] = await (pages as (h: typeof help) => Promise<Page[]>)(help);
const named = (p: Page): string => ['crm', ...p.path].join(' ');

describe('help', () => {
  it('walks the whole command tree', () => {
    const names = all.map(named);
    for (const expected of ['crm', 'crm client add', 'crm invoice pay', 'crm db backup', 'crm report aging', 'crm config set', 'crm export', 'crm import', 'crm demo', 'crm completion']) {
      expect(names).toContain(expected);
    }
    expect(names.some((n) => n.includes('__complete'))).toBe(false);
  });

  it.each(all.map((p) => [named(p), p] as const))('%s has a usage line, a description and an example', (_name, p) => {
    const lines = p.text.split('\n');
    expect(lines[0]?.startsWith(`Usage: ${named(p)} `)).toBe(true);
    expect(lines[2]?.trim().length ?? 0).toBeGreaterThan(10);
    const examples = p.text.slice(p.text.indexOf('Examples:'));
    expect(p.text).toContain('Examples:');
    expect(examples).toMatch(/^ {2}\$ crm /m);
    // Commander wraps what it writes; the examples are commands to copy, kept whole.
    for (const line of lines.slice(0, lines.indexOf('Examples:'))) expect(line.length, line).toBeLessThanOrEqual(WIDTH);
  });

  it('crm help <command…> prints the same page as --help, nested commands included', async () => {
    for (const p of all.filter((q) => q.path.length > 0)) {
      const r = await crm([...p.path, '--help'], { columns: WIDTH });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(p.text);
    }
  });

  it('crm help with no command is the program help, and an unknown command is refused', async () => {
    expect(await help([])).toBe((await crm(['--help'], { columns: WIDTH })).stdout);
    for (const [args, named] of [[['help', 'invoicez'], "'invoicez'"], [['help', 'invoice', 'payy'], "'invoice payy'"], [['--no-color', 'help', 'db', 'x'], "'db x'"]] as const) {
      const r = await crm([...args]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(named);
    }
  });

  it('finds the subcommands a help page lists', () => {
    const text = 'Usage: crm x\n\nCommands:\n  add [options] <c>   adds\n                      more words\n  list                lists\n  help [command]      help\n\nExamples:\n  $ crm x add\n';
    expect(subcommands(text)).toEqual(['add', 'list']);
  });
});

describe('README', () => {
  const manual = readme.slice(0, readme.indexOf(BEGIN) < 0 ? undefined : readme.indexOf(BEGIN));

  it.each(all.filter((p) => p.path.length > 0).map((p) => [named(p)] as const))('describes %s', (name) => {
    expect(manual, `README.md never mentions \`${name}\` outside the generated reference`).toContain(name);
  });

  it('carries every help page verbatim in its reference section (run `npm run docs` when this fails)', async () => {
    const a = readme.indexOf(BEGIN);
    const b = readme.indexOf(END);
    expect(a, 'README.md has no reference section; run npm run docs').toBeGreaterThan(0);
    expect(readme.slice(a, b + END.length)).toBe(await (reference as (h: typeof help) => Promise<string>)(help));
  });
});
