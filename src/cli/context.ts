// What every command receives: IO, env, clock, zone, config and lazily opened stores. Built in
// main.ts; tests build it from buffers and a fixed clock. `init()` runs before each action, as far as
// the command needs (init-need.ts): the config checked, the zone and "now" resolved once for all.
import fs from 'node:fs';
import type { IO } from '../io/io.js';
import type { Style } from '../render/style.js';
import { clockFromEnv, type Clock } from '../io/clock.js';
import { resolveZone } from '../io/zone.js';
import type { Config } from '../config/schema.js';
import type { DateStr } from '../domain/types.js';
import type { Faults, OpenOptions, Store } from '../db/store.js';
import { openStore } from '../db/store.js';
import { createOnSuccess, isBlank } from '../db/first-write.js';
import { resolveConfigPath, resolveDbPath } from '../config/paths.js';
import { localDate } from '../domain/dates.js';
import { UsageError, quote } from '../domain/errors.js';
import { readFileInput, readStdin, type Refusal } from '../io/read-input.js';
import { shellQuote } from '../domain/shell.js';
import type { InitNeed } from './init-need.js';

export interface Ctx {
  io: IO;
  env: NodeJS.ProcessEnv;
  /** The node binary running crm. */
  execPath: string;
  style: Style;
  /** Check the config and resolve the zone and the clock, once, before any action, as far as the command needs (`needsInit`). */
  init(need?: InitNeed): Promise<void>;
  /** The user's IANA time zone: config `timezone`, else TZ (empty = unset), else the system's. */
  zone(): string;
  now(): Date;
  /** The calendar day of now in the user's zone. */
  today(): DateStr;
  /** config.json merged over the defaults; loaded (with zod) on first use. */
  config(): Promise<Config>;
  dbPath(): string;
  /** How long a command waits for another crm's write lock (CRM_BUSY_TIMEOUT_MS, default 5 s). */
  busyTimeoutMs: number;
  configPath(): string;
  /** For commands that only read: never creates a database file. */
  read(): Store;
  /** For commands that write: creates the database on first use. */
  write(): Store;
  /** Read a text value: `-` means stdin (for notes kept out of shell history). */
  text(value: string | undefined, field: string): Promise<string | undefined>;
  /** Read a text value from a file named by the user. */
  textFile(file: string, field: string): string;
  close(): void;
}

export interface CtxInit {
  io: IO;
  env: NodeJS.ProcessEnv;
  /** The node binary running crm. */
  execPath: string;
  style: Style;
  /** The system clock (CRM_NOW overrides it). */
  systemNow?: () => Date;
  /** The system's own time zone, for when neither config nor TZ names one. */
  systemZone?: () => string;
  globalOpts: () => { db?: string | undefined };
  /** Faults injected by a test entry point (test/helpers/fault-entry.mjs); never set by the real crm. */
  faults?: Faults;
  /** The command line as typed (after `crm`), which the undo journal names each write by. */
  argv?: readonly string[];
}

const MAX_TEXT = 1024 * 1024;

/** `crm invoice pay INV-7 --amount 500`, quoted as a shell would need it, for the journal. */
export function commandLine(argv: readonly string[]): string {
  return ['crm', ...argv.map(shellQuote)].join(' ');
}

export function createCtx(init: CtxInit): Ctx {
  let config: Promise<Config> | undefined;
  let store: Store | undefined;
  let storeWritable = false;
  let stdinUsed = false;
  const busyTimeoutMs = Number(init.env.CRM_BUSY_TIMEOUT_MS ?? '') || 5000;
  const storeOptions = (write: boolean): OpenOptions => ({
    write,
    busyTimeoutMs,
    warn: (m) => init.io.err(m + '\n'),
    faults: init.faults,
    journal: () => ({ command: commandLine(init.argv ?? []), at: ctx.now().toISOString() }),
  });
  let resolved: { zone: string; clock: Clock } | undefined;
  const ready = (): { zone: string; clock: Clock } => {
    if (!resolved) throw new Error('the command context was used before init()');
    return resolved;
  };
  const ctx: Ctx = {
    ...init,
    async init(need = 'all') {
      if (resolved || need === 'none') return;
      // A config file that exists is checked as a whole before any command runs, so every command
      // refuses a bad one the same way. No file: the defaults, and nothing to load.
      const passOver = (e: unknown): null => { if (need === 'config-may-be-broken' && e instanceof UsageError) return null; throw e; };
      const timezone = fs.existsSync(ctx.configPath()) ? await ctx.config().then((c) => c.timezone, passOver) : null;
      const zone = resolveZone(timezone, init.env.TZ, init.systemZone);
      resolved = { zone, clock: clockFromEnv(init.env, zone, init.systemNow) };
    },
    zone: () => ready().zone,
    now: () => ready().clock.now(),
    today: () => localDate(ready().clock.now(), ready().zone),
    config: () => (config ??= import('../config/load.js').then((m) => m.loadConfig(ctx.configPath()))),
    busyTimeoutMs,
    dbPath: () => resolveDbPath(init.globalOpts().db, init.env),
    configPath: () => resolveConfigPath(init.env),
    read() {
      store ??= openStore(ctx.dbPath(), storeOptions(false));
      return store;
    },
    write() {
      if (store && !storeWritable && store.path === null) {
        store.close();
        store = undefined;
      }
      if (!store) {
        const file = ctx.dbPath();
        const open = (): Store => openStore(file, storeOptions(true));
        store = isBlank(file) ? createOnSuccess(file, open) : open();
      }
      storeWritable = true;
      return store;
    },
    async text(value, field) {
      if (value !== '-') return value;
      if (stdinUsed && !init.io.stdinIsTTY) throw new UsageError(`${field} '-': standard input was already read by another option`);
      stdinUsed = true;
      const refuse = (why: Refusal): UsageError => new UsageError(why === 'terminal'
        ? `${field} '-' reads from standard input, but it is a terminal; pipe the text in` : `${field} from standard input is larger than 1 MiB`);
      return (await readStdin(init.io, { maxBytes: MAX_TEXT, refuse })).toString('utf8').replace(/\r?\n$/, '');
    },
    textFile(file, field) {
      const refuse = (why: Refusal): UsageError => new UsageError(why === 'too-large'
        ? `${field} ${quote(file)} is larger than 1 MiB` : `${field} ${quote(file)} cannot be read (${why})`);
      return readFileInput(file, { maxBytes: MAX_TEXT, refuse }).toString('utf8').replace(/\r?\n$/, '');
    },
    close() {
      store?.close();
      store = undefined;
    },
  };
  return ctx;
}
