// Asking questions on a terminal. The only module that touches @inquirer/prompts, and it loads it
// lazily so commands that never prompt never pay for it. It decides how to ask, never what to ask:
// callers pass the questions and the domain parsers that validate the answers.
import { Writable } from 'node:stream';
import { styleText } from 'node:util';
import type { IO } from './io.js';
import { CancelledError, UsageError } from '../domain/errors.js';
import { stripColour } from '../domain/text.js';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

export interface InputQuestion {
  message: string;
  default?: string;
  /**
   * Checks the answer with the same parser the flags use: when it throws a UsageError the
   * prompt shows that message and asks again, so the wizard and the flags accept the same values.
   */
  check?: (answer: string) => unknown;
  /** How the accepted answer is shown once given, e.g. "+3d" as "+3d → 2026-11-25 (Wednesday)". */
  show?: (answer: string) => string;
}

export interface Prompter {
  select<T>(q: { message: string; choices: readonly Choice<T>[]; default?: T }): Promise<T>;
  /** A list filtered as the user types; `source` gets the text typed so far ('' at first). */
  search<T>(q: { message: string; source: (term: string) => readonly Choice<T>[] }): Promise<T>;
  input(q: InputQuestion): Promise<string>;
  confirm(q: { message: string; default?: boolean }): Promise<boolean>;
}

/** Turn a throwing parser into inquirer's validate result (true, or the message to show). */
export function validateWith(check: ((answer: string) => unknown) | undefined): (answer: string) => true | string {
  return (answer) => {
    if (!check) return true;
    try {
      check(answer);
      return true;
    } catch (e) {
      // Parsers name the flag ("--hours 'x' is not…"); in a prompt the question already says which value.
      if (e instanceof UsageError) return e.message.replace(/^--[a-z-]+ /, '');
      throw e;
    }
  };
}

/**
 * Prompts write through IO.out (the terminal we checked is a TTY), one stream per prompt because
 * inquirer ends its output stream when a prompt settles.
 */
export function outputFor(io: IO): Writable {
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      // inquirer colours regardless of NO_COLOR / --no-color; drop its SGR (colour) sequences,
      // keeping the cursor movements it needs to redraw.
      io.out(io.color ? text : stripColour(text));
      done();
    },
  });
  // inquirer wraps long lines to the width it reads from its output stream.
  return Object.assign(stream, { columns: io.columns, isTTY: true });
}

type PromptContext = { input: NodeJS.ReadableStream; output: Writable; signal: AbortSignal };

/**
 * Run one prompt. Ctrl+C rejects with ExitPromptError; crm reports it as a cancellation (exit 130).
 * Ctrl+D is made to mean the same: readline closes on it but inquirer then never settles, and the
 * process would drain and exit 0 as if the log had been written.
 */
async function ask<T>(io: IO, run: (context: PromptContext) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  const onKey = (_: unknown, key?: { name?: string; ctrl?: boolean }): void => {
    if (key?.ctrl && key.name === 'd') abort.abort();
  };
  io.stdin.on('keypress', onKey);
  try {
    return await run({ input: io.stdin, output: outputFor(io), signal: abort.signal });
  } catch (e) {
    if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) throw new CancelledError();
    throw e;
  } finally {
    io.stdin.off('keypress', onKey);
  }
}

/** The real prompter: @inquirer/prompts reading IO.stdin and drawing on IO.out. */
export async function terminalPrompter(io: IO): Promise<Prompter> {
  const p = await import('./inquirer.js');
  return {
    select: (q) =>
      ask(io, (c) => p.select({ message: q.message, choices: q.choices.map((x) => ({ ...x })), default: q.default, loop: false, pageSize: 10 }, c)),
    search: (q) => ask(io, (c) => p.search({ message: q.message, source: (term) => q.source(term ?? ''), pageSize: 10 }, c)),
    input: (q) =>
      ask(io, (c) => {
        const show = q.show;
        // Same colour as inquirer's own answers.
        const transformer = show && ((value: string, { isFinal }: { isFinal: boolean }) => (isFinal ? styleText('cyan', show(value)) : value));
        return p.input({ message: q.message, default: q.default, validate: validateWith(q.check), ...(transformer ? { transformer } : {}) }, c);
      }),
    confirm: (q) => ask(io, (c) => p.confirm({ message: q.message, default: q.default ?? false }, c)),
  };
}
