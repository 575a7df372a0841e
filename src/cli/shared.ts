// Small helpers every command adapter uses: enum checks, client lookup, currency default, output.
import type { Command } from '@commander-js/extra-typings';
import type { Ctx } from './context.js';
import type { DB } from '../db/store.js';
import { listClients, type Client } from '../db/clients.js';
import { resolveClient } from '../domain/names.js';
import { UsageError, quote } from '../domain/errors.js';
import { parseCurrency } from '../domain/money.js';
import { json } from '../render/json.js';
import { safeText } from '../io/io.js';

/** Check an enum flag value; the error lists what is accepted. */
export function oneOf<T extends string>(value: string, values: readonly T[], field: string): T {
  const v = value.trim().toLowerCase();
  if ((values as readonly string[]).includes(v)) return v as T;
  throw new UsageError(`${field} ${quote(value)} is not one of: ${values.join(', ')}`);
}

export function optOneOf<T extends string>(value: string | undefined, values: readonly T[], field: string): T | null {
  return value === undefined ? null : oneOf(value, values, field);
}

/** Resolve a `<client>` argument against every client, archived and fired included. */
export function findClient(db: DB, ref: string): Client {
  return resolveClient(ref, listClients(db));
}

export async function currencyOf(ctx: Ctx, flag: string | undefined): Promise<string> {
  return flag === undefined ? parseCurrency((await ctx.config()).currency, 'config currency') : parseCurrency(flag);
}

/** Empty strings mean "no value". */
export const nullable = (s: string | undefined): string | null => (s === undefined || s.trim() === '' ? null : s);

export function printJson(ctx: Ctx, value: unknown): void {
  ctx.io.out(json(value));
}

/** Parse a positive integer id such as a reminder id. */
export function parseId(value: string, field: string): number {
  if (!/^\d{1,15}$/.test(value.trim()) || Number(value) < 1) throw new UsageError(`${field} ${quote(value)} is not an id (a positive whole number)`);
  return Number(value);
}

/** Adds an "Examples:" block to a command's --help. */
export function examples<C extends { addHelpText(position: 'after', text: string): unknown }>(cmd: C, lines: string[]): C {
  cmd.addHelpText('after', `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`);
  return cmd;
}

/** Any command in the tree, whatever its typed arguments and options. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = Command<any, any, any>;

/**
 * A flag every run needs. Checked in the action rather than with commander's requiredOption,
 * because commander reports a missing required option before an unknown one, which would hide
 * the "did you mean --amount?" hint for a typo such as --amont.
 */
export function need<T>(value: T | undefined, flag: string): T {
  if (value === undefined) throw new UsageError(`missing required option ${flag}`);
  return value;
}

/** A note from --note TEXT, --note - (stdin) or --note-file FILE; undefined when none was given. */
export async function noteFrom(ctx: Ctx, o: { note?: string; noteFile?: string }): Promise<string | undefined> {
  if (o.note !== undefined && o.noteFile !== undefined) throw new UsageError('--note and --note-file cannot be used together');
  return o.noteFile !== undefined ? ctx.textFile(o.noteFile, '--note-file') : ctx.text(o.note, '--note');
}

/**
 * Recording for an archived or fired client works (a last payment, a final call), and says so on
 * stderr, in case the user meant someone else. Call after the write succeeded.
 */
export function noteIfInactive(ctx: Ctx, c: Pick<Client, 'name' | 'status' | 'statusOn'>): void {
  if (c.status === 'active') return;
  const since = c.statusOn ? ` since ${c.statusOn}` : '';
  ctx.io.err(`crm: note: ${safeText(c.name)} is ${c.status}${since}; recorded anyway (crm client reactivate takes them back)\n`);
}
