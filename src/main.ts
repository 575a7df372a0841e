// Composition root: the only module that touches `process`. Builds IO, clock and context, runs the
// command tree, and turns every outcome into one exit code and at most one line on stderr.
import type { Ctx } from './cli/context.js';
import { VERSION, buildProgram, checkHelpTopic, helpArgv } from './cli/program.js';
import { decideColor, terminalColumns, type IO } from './io/io.js';
import { styleFor } from './render/style.js';
import { EXIT, UsageError, CrmError, CancelledError } from './domain/errors.js';
import { describeSqliteError } from './db/errors.js';
import type { Faults } from './db/store.js';

export interface MainDeps {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  /** The terminal's width, when stdout is one. */
  columns?: number | undefined;
  out: (text: string) => void;
  err: (text: string) => void;
  /** The node binary running crm (for `crm cron`'s absolute paths). */
  execPath: string;
  /** The system clock; CRM_NOW overrides it. */
  systemNow?: () => Date;
  /** The system's time zone (default: read from the OS); config `timezone` and TZ come first. */
  systemZone?: () => string;
  /** Faults a test injects (test/helpers/fault-entry.mjs); the real crm never sets them. */
  faults?: Faults;
}

function errorLine(e: unknown, debug: boolean, dbPath: () => string): { code: number; line: string } {
  if (e instanceof UsageError || e instanceof CrmError || e instanceof CancelledError) {
    return { code: e.exitCode, line: e.message };
  }
  const sqlite = describeSqliteError(e, dbPath);
  if (sqlite) return { code: EXIT.failure, line: sqlite };
  const msg = e instanceof Error ? e.message : String(e);
  return { code: EXIT.failure, line: `internal error: ${msg}${debug ? '' : ' (CRM_DEBUG=1 shows details)'}` };
}

/** Run crm with `deps`; resolves to the exit code. Never throws. */
export async function main(deps: MainDeps): Promise<number> {
  const debug = deps.env.CRM_DEBUG === '1';
  const noColorFlag = deps.argv.includes('--no-color');
  const color = decideColor(deps.env, deps.stdoutIsTTY, noColorFlag);
  const io: IO = {
    out: deps.out,
    err: deps.err,
    stdin: deps.stdin,
    stdinIsTTY: deps.stdinIsTTY,
    stdoutIsTTY: deps.stdoutIsTTY,
    color,
    columns: terminalColumns(deps.columns, deps.env.COLUMNS),
  };
  // `crm --version` alone is answered before the context, the database driver and commander load.
  if (deps.argv.length === 1 && (deps.argv[0] === '--version' || deps.argv[0] === '-V')) return (io.out(`${VERSION}\n`), EXIT.ok);
  let ctx: Ctx | undefined;
  let commanderMessage = '';
  let CommanderError: typeof import('@commander-js/extra-typings').CommanderError | undefined;
  try {
    let globalOpts = (): { db?: string | undefined } => ({});
    const { createCtx, commander } = await import('./cli/everyday.js');
    CommanderError = commander.CommanderError;
    ctx = createCtx({
      io, env: deps.env, execPath: deps.execPath, style: await styleFor(color), globalOpts: () => globalOpts(),
      ...(deps.systemNow ? { systemNow: deps.systemNow } : {}),
      ...(deps.systemZone ? { systemZone: deps.systemZone } : {}),
      ...(deps.faults ? { faults: deps.faults } : {}),
      argv: deps.argv,
    });
    const { argv, topic } = helpArgv(deps.argv);
    const program = await buildProgram(ctx, argv);
    if (topic) checkHelpTopic(program, topic);
    globalOpts = () => program.opts();
    const route = (cmd: { commands: readonly unknown[] }): void => {
      const c = cmd as unknown as import('commander').Command;
      c.exitOverride();
      c.configureOutput({
        // Help wraps to the terminal (or $COLUMNS, else 80), like every other output.
        getOutHelpWidth: () => io.columns,
        getErrHelpWidth: () => io.columns,
        writeOut: (s) => io.out(s),
        writeErr: (s) => io.err(s),
        outputError: (s) => {
          commanderMessage = s;
        },
      });
      for (const sub of c.commands) route(sub);
    };
    route(program);
    if (deps.argv.length === 0) {
      io.out(program.helpInformation());
      return EXIT.ok;
    }
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    if (CommanderError && e instanceof CommanderError) {
      if (e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT.ok;
      if (e.code === 'commander.help' || e.code === 'commander.executeSubCommandAsync') return EXIT.usage;
      const line = (commanderMessage || e.message).replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim();
      io.err(`crm: ${line}\n`);
      return EXIT.usage;
    }
    const { code, line } = errorLine(e, debug, () => ctx?.dbPath() ?? '');
    io.err(`crm: ${line}\n`);
    if (debug && e instanceof Error && e.stack) io.err(e.stack + '\n');
    return code;
  } finally {
    try {
      ctx?.close();
    } catch {
      /* closing after a failure must not mask it */
    }
  }
}

/**
 * Entry point for bin/crm.js: wires the real process in.
 *
 * No handler for SIGINT, SIGTERM or SIGHUP: their default action ends crm at once, whatever it is
 * doing (a synchronous write, a wait for the lock, a stuck system call), where a JavaScript handler
 * would wait for the event loop. That is safe because every write is one SQLite transaction: one cut
 * short is rolled back on the next open, so a write is whole or absent. A shell sees 130/143/129.
 *
 * `injected`: what a test entry point may add (test/helpers/fault-entry.mjs); bin/crm.js passes nothing.
 */
export async function run(injected: Pick<MainDeps, 'faults'> = {}): Promise<void> {
  const onStreamError = (stream: 'stdout' | 'stderr') => (e: NodeJS.ErrnoException) => {
    // A closed pipe (`crm client list | head -1`) is not an error worth a word.
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (stream === 'stdout') {
      try {
        process.stderr.write(`crm: cannot write output: ${e.code === 'ENOSPC' ? 'no space left on device' : e.message}\n`);
      } catch {
        /* nothing more can be said */
      }
    }
    process.exit(EXIT.failure);
  };
  process.stdout.on('error', onStreamError('stdout'));
  process.stderr.on('error', onStreamError('stderr'));
  const write = (stream: NodeJS.WriteStream) => (text: string) => {
    stream.write(text);
  };
  process.exitCode = await main({
    argv: process.argv.slice(2),
    execPath: process.execPath,
    env: process.env,
    stdin: process.stdin,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    columns: process.stdout.columns,
    out: write(process.stdout),
    err: write(process.stderr),
    ...(injected.faults ? { faults: injected.faults } : {}),
  });
}
