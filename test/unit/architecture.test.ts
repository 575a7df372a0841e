// The shape docs/ARCHITECTURE.md promises, checked: the command tree is the folder tree, every
// command file exports a builder and a run function and stays small, every module says what it owns.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { buildProgram, readGlobals } from '../../src/cli/program.js';
import { createCtx } from '../../src/cli/context.js';
import { plainStyle } from '../../src/render/style.js';

const SRC = path.join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

type Node = { name(): string; commands: readonly Node[] };

/** A context that is never run: enough to build the command tree. */
const quietCtx = () =>
  createCtx({
    execPath: process.execPath,
    io: { out: () => {}, err: () => {}, stdin: Readable.from([]), stdinIsTTY: false, stdoutIsTTY: false, color: false, columns: 80 },
    env: {},
    style: plainStyle,
    globalOpts: () => ({}),
  });

async function commandPaths(): Promise<string[][]> {
  const ctx = quietCtx();
  const paths: string[][] = [];
  const walk = (cmd: Node, prefix: string[]): void => {
    for (const sub of cmd.commands) {
      if (sub.name() === 'help') continue;
      const here = [...prefix, sub.name()];
      paths.push(here);
      walk(sub, here);
    }
  };
  walk(await buildProgram(ctx), []);
  return paths;
}

/** Hidden helpers live beside the command they serve. */
const HIDDEN: Record<string, string> = { __complete: path.join('completion', 'complete.ts') };

/** Where a command lives: a group's index.ts, a verb's <group>/<verb>.ts, a top-level leaf's <name>/<name>.ts. */
function fileOf(p: string[], isGroup: boolean): string {
  const hidden = HIDDEN[p.join(' ')];
  if (hidden !== undefined) return path.join(SRC, 'cli', hidden);
  if (isGroup) return path.join(SRC, 'cli', ...p, 'index.ts');
  if (p.length === 1) return path.join(SRC, 'cli', p[0]!, `${p[0]!}.ts`);
  return path.join(SRC, 'cli', ...p.slice(0, -1), `${p.at(-1)!}.ts`);
}

const paths = await commandPaths();

describe('the command tree is the folder tree', () => {
  const groups = new Set(paths.filter((p) => paths.some((q) => q.length > p.length && q.slice(0, p.length).join(' ') === p.join(' '))).map((p) => p.join(' ')));

  it('finds the whole tree', () => {
    expect(paths.length).toBeGreaterThan(20);
  });

  it.each(paths.map((p) => [p.join(' ')]))('crm %s has its own file, exporting command() (and run() for a verb)', async (name) => {
    const p = name.split(' ');
    const file = fileOf(p, groups.has(name));
    expect(fs.existsSync(file), path.relative(ROOT, file)).toBe(true);
    const mod = (await import(file)) as Record<string, unknown>;
    expect(typeof mod.command, `${path.relative(ROOT, file)} exports command`).toBe('function');
    if (!groups.has(name)) expect(typeof mod.run, `${path.relative(ROOT, file)} exports run`).toBe('function');
  });

  it('keeps every command file under ~150 lines', () => {
    const big = sourceFiles(path.join(SRC, 'cli'))
      .map((f) => [path.relative(ROOT, f), fs.readFileSync(f, 'utf8').split('\n').length] as const)
      .filter(([, lines]) => lines > 160);
    expect(big).toEqual([]);
  });
});

describe('every module says what it owns', () => {
  it('starts each file in src with a comment', () => {
    const silent = sourceFiles(SRC).filter((f) => !fs.readFileSync(f, 'utf8').startsWith('//')).map((f) => path.relative(ROOT, f));
    expect(silent).toEqual([]);
  });
});

describe('the command tree loads on demand', () => {
  it('finds the command a run names, past the global options', () => {
    const command = (argv: string[]) => readGlobals(argv).command;
    expect(command(['client', 'list'])).toBe('client');
    expect(command(['--db', '/tmp/x.db', '--no-color', 'due', '--json'])).toBe('due');
    expect(command(['--db', 'client', 'review', 'acme'])).toBe('review'); // "client" is --db's value
    expect(command(['--', 'log'])).toBe('log');
    expect(command(['--help'])).toBeUndefined();
    expect(command([])).toBeUndefined();
    expect(readGlobals(['-h', 'client'])).toEqual({ command: 'client', help: true, version: false });
    expect(readGlobals(['--db', '-V'])).toEqual({ help: false, version: false }); // -V is the path
  });

  it('builds only that command; every command for help or an unknown name', async () => {
    const ctx = quietCtx();
    const names = async (argv: string[]) => (await buildProgram(ctx, argv)).commands.map((c) => c.name());
    expect(await names(['invoice', 'list'])).toEqual(['invoice']);
    expect(await names(['--version'])).toEqual([]);
    expect(await names(['clinet'])).toHaveLength(paths.filter((p) => p.length === 1).length);
    expect(await names(['--help'])).toContain('db');
    expect(await names(['-h', 'client'])).toContain('db'); // the program's help lists every command
    expect(await names(['--db', '-V'])).toContain('db'); // -V is the database path here, not --version
  });
});
