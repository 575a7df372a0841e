// The three ways a command stops early, each with its exit code. main.ts maps them; nothing else exits.

import { BIDI, INVISIBLE, JOINERS, charClass, controlsAsHex } from './text.js';

export const EXIT = { ok: 0, failure: 1, usage: 2, cancelled: 130 } as const;

/** Bad usage or invalid input: exit 2, nothing written. The message names the value and what is accepted. */
export class UsageError extends Error {
  readonly exitCode = EXIT.usage;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** An expected failure outside the user's input (locked, corrupt, foreign or newer database, disk full): exit 1. */
export class CrmError extends Error {
  readonly exitCode = EXIT.failure;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CrmError';
  }
}

/** A prompt was cancelled (Ctrl+C): exit 130, nothing written. */
export class CancelledError extends Error {
  readonly exitCode = EXIT.cancelled;
  constructor(message = 'cancelled; nothing was written') {
    super(message);
    this.name = 'CancelledError';
  }
}

const SHOWN = new RegExp(charClass(INVISIBLE, JOINERS, BIDI), 'gu');

/** Quote a user-supplied value for an error message, short and free of control characters. */
export function quote(value: string, max = 60): string {
  const clean = controlsAsHex(value)
    // Invisible and bidirectional characters are shown, not obeyed: an error line must read as typed.
    .replace(SHOWN, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
  // A long value (a path, most often) keeps its start and its end, where the file name is.
  const chars = [...clean];
  const head = Math.ceil((max - 1) / 2);
  const cut = chars.length > max ? `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (max - 1 - head)).join('')}` : clean;
  return `'${cut}'`;
}
