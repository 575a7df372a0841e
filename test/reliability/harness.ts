// Shared harness for the reliability tests: spawn the built binary asynchronously (so a test can
// signal or kill it mid-run), inspect a database from outside, and report measured figures.
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import { BIN, ROOT, tempDir, testEnv, type RunOptions } from '../helpers/cli.js';

/** `npm run test:stress` sets CRM_STRESS=1: the long versions of the loops. */
export const STRESS = process.env.CRM_STRESS === '1';

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface SpawnOptions extends RunOptions {
  /** Called with all stderr so far, each time more arrives (e.g. to wait for a crm-test: marker). */
  onStderr?: (stderr: string, child: ChildProcess) => void;
  /** Keep stdin open (the test writes or never writes to child.stdin). Default: closed at once. */
  keepStdin?: boolean;
  /** Called once the child is spawned. */
  onSpawn?: (child: ChildProcess) => void;
  timeoutMs?: number;
  /**
   * Faults to inject (src/db/store.ts `Faults`): the run goes through test/helpers/fault-entry.mjs,
   * which hands them to run(); without them the real bin/crm.js runs. slowWriteMs announces each
   * slow point on stderr as `crm-test: <where>`.
   */
  faults?: { slowWriteMs?: number; maxPageCount?: number; deferred?: boolean };
}

export function requireBuilt(): void {
  if (!fs.existsSync(`${ROOT}/dist/main.js`)) throw new Error('dist/main.js is missing: run npm run build first');
}

const FAULT_ENTRY = path.join('test', 'helpers', 'fault-entry.mjs');

let snapshotBin: string | undefined;
/**
 * The built binary, copied once per test file to a private folder (node_modules linked), so a
 * rebuild of dist/ in the same tree while a long run is going cannot change the code under test.
 */
export function crmBin(): string {
  if (snapshotBin && fs.existsSync(snapshotBin)) return snapshotBin;
  requireBuilt();
  for (let attempt = 1; ; attempt++) {
    const dir = tempDir('crm-bin-'); // removed after the test file, like every temp folder
    fs.cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
    fs.cpSync(path.dirname(BIN), path.join(dir, 'bin'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
    fs.mkdirSync(path.join(dir, 'test', 'helpers'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, FAULT_ENTRY), path.join(dir, FAULT_ENTRY));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    const bin = path.join(dir, 'bin', path.basename(BIN));
    // A copy taken in the middle of someone's rebuild may not load: check, and retry. `--help` loads
    // every command's chunk (`--version` is answered from the entry chunk alone).
    if (spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' }).status === 0) return (snapshotBin = bin);
    if (attempt === 5) throw new Error('the built binary does not start: run npm run build');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
  }
}

/**
 * Source modules bundled into one ES module that a child process can import: dist/ is one bundle
 * (scripts/build.mjs), so its modules cannot be imported one by one. `code` is an entry resolved
 * from the repository root, e.g. "export { openStore } from './src/db/store.ts';". Written beside
 * the binary snapshot, whose node_modules link resolves better-sqlite3 and dayjs.
 */
export async function bundledSource(code: string, name = 'entry'): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = path.join(path.dirname(path.dirname(crmBin())), 'test-bundles', `${name}.mjs`);
  await build({
    stdin: { contents: code, resolveDir: ROOT, sourcefile: `${name}.ts`, loader: 'ts' },
    outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20',
    external: ['better-sqlite3', 'dayjs', 'dayjs/*'], logLevel: 'warning',
  });
  return outfile;
}

/**
 * What follows `node` to run crm: the snapshot's bin/crm.js, or with faults its fault entry
 * (which runs the same dist/) and the faults as JSON.
 */
export function crmEntry(faults?: SpawnOptions['faults']): string[] {
  if (!faults) return [crmBin()];
  return [path.join(path.dirname(path.dirname(crmBin())), FAULT_ENTRY), JSON.stringify(faults)];
}

/**
 * Spawn `node bin/crm.js ...args` (with `faults`: `node test/helpers/fault-entry.mjs FAULTS ...args`)
 * with an isolated environment; resolves when it exits.
 */
export function spawnAsync(args: string[], opts: SpawnOptions = {}): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...crmEntry(opts.faults), ...args], { env: testEnv(opts), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 20_000);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
      opts.onStderr?.(stderr, child);
    });
    child.stdin.on('error', () => undefined); // the child may exit before reading its input
    if (opts.stdin !== undefined) child.stdin.end(opts.stdin);
    else if (!opts.keepStdin) child.stdin.end();
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
    opts.onSpawn?.(child);
  });
}

/** Run `fn` over `items` with at most `limit` running at once, keeping order in the results. */
export async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Open a database from outside crm (read-write, so a hot WAL is recovered as any reader would). */
export function withDb<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    return fn(db);
  } finally {
    db.close();
  }
}

export function integrity(db: Database.Database): { integrity: string; foreignKeyViolations: number } {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return {
    integrity: rows.map((r) => r.integrity_check).join('; '),
    foreignKeyViolations: (db.pragma('foreign_key_check') as unknown[]).length,
  };
}

export function tables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

/** Every row of every table, as JSON: equal dumps mean nothing was written. */
export function dump(file: string): string {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return '(no database)';
  return withDb(file, (db) =>
    JSON.stringify(
      Object.fromEntries(tables(db).map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all()])),
      (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v),
    ),
  );
}

/** The schema as SQLite stores it, sorted: equal means same tables, indexes and columns. */
export function schemaOf(db: Database.Database): { type: string; name: string; sql: string | null }[] {
  return db.prepare("SELECT type, name, tbl_name AS tbl, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name").all() as {
    type: string;
    name: string;
    sql: string | null;
  }[];
}

export const count = (db: Database.Database, sql: string, ...params: unknown[]): number =>
  (db.prepare(sql).get(...params) as { n: number }).n;

/** Lines of stderr that are not crm-test: markers. */
export function errLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l !== '' && !l.startsWith('crm-test: '));
}

export const LOCKED = /database is locked|SQLITE_BUSY|SQLITE_LOCKED|another crm is writing/i;

/** A small seeded PRNG (mulberry32), so a failing random run can be replayed with CRM_SEED. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedFromEnv(): number {
  return Number(process.env.CRM_SEED) || (Date.now() % 1_000_000_007);
}

/** Print a figure for docs/RELIABILITY.md: grep the test output for "[reliability]". */
export function report(line: string): void {
  console.log(`[reliability] ${line}`);
}

/** The reader a cron job runs: `crm due --cron` (falls back to `invoice list --json` on builds without due). */
let readerCache: string[] | undefined;
export async function cronReader(db: string): Promise<string[]> {
  if (!readerCache) {
    const r = await spawnAsync(['due', '--help'], { db });
    readerCache = r.code === 0 ? ['due', '--cron'] : ['invoice', 'list', '--json'];
  }
  return readerCache;
}

/** Linux: true once process `pid` has `file` open (e.g. crm has opened its database). */
export function hasOpen(pid: number, file: string): boolean {
  try {
    const real = fs.realpathSync(file);
    return fs.readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return fs.readlinkSync(`/proc/${pid}/fd/${fd}`) === real;
      } catch {
        return false; // closed meanwhile
      }
    });
  } catch {
    return false; // not started yet, or gone
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
