// The streams a command talks through, and whether colour is on. Built once in main.ts from the
// real process, or from buffers in tests; commands never touch `process` directly.
import { Chalk, type ChalkInstance } from 'chalk';

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

export type Style = ChalkInstance;

export function styleFor(color: boolean): Style {
  return new Chalk({ level: color ? 1 : 0 });
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

/** Replace control characters (ESC, NUL, …) so stored text can never drive the terminal. */
export function safeText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) =>
    c === '\u001b' ? '␛' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}
