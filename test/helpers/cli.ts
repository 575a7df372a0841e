// Test helpers: run crm in-process (fast) or as the built binary (end to end), always against a
// temporary database with a fixed clock. Never touches the user's real data.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/main.js';
import { tempDir } from './temp.js';

export { tempDir };

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.join(ROOT, 'bin', 'crm.js');
export const NOW = '2026-11-22T10:00:00Z';

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** A database path in a fresh temp folder (removed after the test file); the file is not created yet. */
export function tempDb(): string {
  return path.join(tempDir(), 'crm.db');
}

export interface RunOptions {
  db?: string;
  now?: string;
  env?: Record<string, string | undefined>;
  stdin?: string;
  tty?: boolean;
  /** The terminal's width (default: none, so crm fits output to $COLUMNS or 80). */
  columns?: number;
}

let home: string | undefined;
/** One empty home folder per test file; made again if the setup file already removed it. */
function testHome(): string {
  if (home === undefined || !fs.existsSync(home)) home = tempDir('crm-home-');
  return home;
}

/** An isolated environment: temp DB, fixed clock, no colour, no user config. */
export function testEnv(opts: RunOptions = {}): NodeJS.ProcessEnv {
  // HOME is a folder of this test file, not os.tmpdir() itself, where a run without a database
  // path would leave .local/share/crm/crm.db behind.
  const home = testHome();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    TZ: process.env.TZ ?? 'UTC',
    CRM_NOW: opts.now ?? NOW,
    NO_COLOR: '1',
    CRM_CONFIG: path.join(home, 'no-config.json'),
    ...(opts.db ? { CRM_DB: opts.db } : {}),
    ...opts.env,
  };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return env;
}

/** Run crm in this process. */
export async function crm(args: string[], opts: RunOptions = {}): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv: args,
    execPath: process.execPath,
    env: testEnv(opts),
    stdin: Readable.from(opts.stdin === undefined ? [] : [Buffer.from(opts.stdin)]),
    stdinIsTTY: Boolean(opts.tty),
    stdoutIsTTY: Boolean(opts.tty),
    columns: opts.columns,
    out: (s) => {
      stdout += s;
    },
    err: (s) => {
      stderr += s;
    },
  });
  return { code, stdout, stderr };
}

/** Run crm in-process and parse its JSON stdout; fails loudly when it did not succeed. */
export async function crmJson<T = any>(args: string[], opts: RunOptions = {}): Promise<T> {
  const r = await crm([...args, '--json'], opts);
  if (r.code !== 0) throw new Error(`crm ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** Run crm in-process against `db` and return its stdout; fails loudly when it did not succeed. */
export async function crmOk(db: string, ...args: string[]): Promise<string> {
  const r = await crm(args, { db });
  if (r.code !== 0) throw new Error(`crm ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

/** Spawn the built binary (npm run build first). */
export function spawnCrm(args: string[], opts: RunOptions & { rawEnv?: NodeJS.ProcessEnv } = {}): Result {
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], {
    env: opts.rawEnv ?? testEnv(opts),
    input: opts.stdin ?? '',
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: r.status ?? (r.signal ? 128 : -1), stdout: r.stdout, stderr: r.stderr };
}

/** The built binary's `--json` document; throws unless it exited 0 with nothing on stderr. */
export function spawnJson<T = any>(args: string[], opts: RunOptions = {}): T {
  const r = spawnCrm([...args, '--json'], opts);
  if (r.code !== 0 || r.stderr !== '') throw new Error(`crm ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** Run a sequence of setup commands in-process; throws on the first failure. */
export async function seed(db: string, commands: string[][], opts: RunOptions = {}): Promise<void> {
  for (const args of commands) {
    const r = await crm(args, { ...opts, db });
    if (r.code !== 0) throw new Error(`seed: crm ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  }
}

/** Bytes of a file, or null when it does not exist: for "nothing was written" checks. */
export function snapshot(file: string): Buffer | null {
  return fs.existsSync(file) ? fs.readFileSync(file) : null;
}

/**
 * A command context for calling a command's run() directly, without commander or a process: output
 * collected in `out`/`err`, the test env (fixed clock, temp database), no colour, `columns` wide.
 */
export async function runContext(opts: RunOptions = {}) {
  const { createCtx } = await import('../../src/cli/context.js');
  const { plainStyle } = await import('../../src/render/style.js');
  const captured = { out: '', err: '' };
  const ctx = createCtx({
    execPath: process.execPath,
    io: {
      out: (s) => void (captured.out += s),
      err: (s) => void (captured.err += s),
      stdin: Readable.from([]),
      stdinIsTTY: false,
      stdoutIsTTY: false,
      color: false,
      columns: opts.columns ?? 80,
    },
    env: testEnv(opts),
    style: plainStyle,
    globalOpts: () => ({}),
  });
  await ctx.init();
  return { ctx, captured };
}
