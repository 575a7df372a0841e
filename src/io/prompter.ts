// Asking questions on a terminal. The only module that touches @inquirer/prompts, and it loads it
// lazily so commands that never prompt never pay for it. It decides how to ask, never what to ask:
// callers pass the questions and the domain parsers that validate the answers.
import { Writable } from 'node:stream';
import type { IO } from './io.js';
import { CancelledError, UsageError } from '../domain/errors.js';

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
function outputFor(io: IO): Writable {
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      io.out(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      done();
    },
  });
  // inquirer wraps long lines to the width it reads from its output stream.
  return Object.assign(stream, { columns: io.columns, isTTY: true });
}

/** Ctrl+C inside a prompt rejects with ExitPromptError; crm reports that as a cancellation (exit 130). */
async function cancellable<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) throw new CancelledError();
    throw e;
  }
}

/** The real prompter: @inquirer/prompts reading IO.stdin and drawing on IO.out. */
export async function terminalPrompter(io: IO): Promise<Prompter> {
  const p = await import('@inquirer/prompts');
  const context = () => ({ input: io.stdin, output: outputFor(io) });
  return {
    select: (q) =>
      cancellable(() =>
        p.select({ message: q.message, choices: q.choices.map((c) => ({ ...c })), default: q.default, loop: false, pageSize: 10 }, context()),
      ),
    search: (q) =>
      cancellable(() => p.search({ message: q.message, source: (term) => q.source(term ?? ''), pageSize: 10 }, context())),
    input: (q) =>
      cancellable(() => p.input({ message: q.message, default: q.default, validate: validateWith(q.check) }, context())),
    confirm: (q) => cancellable(() => p.confirm({ message: q.message, default: q.default ?? false }, context())),
  };
}
