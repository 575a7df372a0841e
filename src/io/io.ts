// The streams a command talks through, and whether colour is on. Built once in main.ts from the
// real process, or from buffers in tests; commands never touch `process` directly.
export interface IO {
  /** Write to stdout. */
  out(text: string): void;
  /** Write to stderr. */
  err(text: string): void;
  stdin: NodeJS.ReadableStream;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  /** Colour decided from TTY, NO_COLOR, FORCE_COLOR and --no-color. */
  color: boolean;
  /** Terminal width for tables (80 when unknown). */
  columns: number;
}

/**
 * Colour policy: FORCE_COLOR (non-zero) forces it on; otherwise off with NO_COLOR (any non-empty
 * value) or --no-color, and off when stdout is not a terminal.
 */
export function decideColor(env: NodeJS.ProcessEnv, stdoutIsTTY: boolean, noColorFlag: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  if (noColorFlag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stdoutIsTTY;
}

/**
 * The width human output is fitted to: the terminal's, else $COLUMNS (as less and ls honour it),
 * else 80. JSON, the cron digest and the calendar ignore it.
 */
export function terminalColumns(ttyColumns: number | undefined, envColumns: string | undefined): number {
  if (ttyColumns !== undefined && ttyColumns > 0) return ttyColumns;
  const fromEnv = Number(envColumns);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 80;
}
