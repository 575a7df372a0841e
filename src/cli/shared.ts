// Small helpers every command adapter uses: client lookup, currency default, notes, JSON output.
import type { Client } from '../domain/records.js';
import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import type { Ctx } from './context.js';
import type { DB } from '../db/store.js';
import type { PlanClock } from '../domain/log-plan.js';
import { clientsWithKeyPrefix, findByNameKey, getClient, listClients } from '../db/clients.js';
import { nameKey, resolveClient } from '../domain/names.js';
import { UsageError } from '../domain/errors.js';
import { parseCurrency } from '../domain/money.js';
import { json } from '../render/json.js';
import { safeText } from '../domain/text.js';

/**
 * Resolve a `<client>` argument against every client, archived and fired included: resolveClient's
 * rules, answered through the name_key index when they can be — the exact key, then an id, then a
 * unique key prefix (name_key is nameKey(name) on every row). Anything else (no match as typed,
 * an ambiguous prefix, an accent-insensitive match) goes to resolveClient over every client, so
 * its messages and candidates are the same.
 */
export function findClient(db: DB, ref: string): Client {
  const key = nameKey(ref);
  if (key !== '') {
    const exact = findByNameKey(db, key);
    if (exact) return exact;
    const byId = /^\d+$/.test(key) ? getClient(db, Number(key)) : undefined;
    if (byId) return byId;
    const prefixed = clientsWithKeyPrefix(db, key, 2);
    if (prefixed.length === 1 && prefixed[0]) return prefixed[0];
  }
  return resolveClient(ref, listClients(db));
}

export async function currencyOf(ctx: Ctx, flag: string | undefined): Promise<string> {
  return flag === undefined ? parseCurrency((await ctx.config()).currency, 'config currency') : parseCurrency(flag);
}

export function printJson(ctx: Ctx, value: unknown): void {
  ctx.io.out(json(value));
}

/** The clock a plan is made with: now, today and the zone, resolved once per run. */
export const planClock = (ctx: Ctx): PlanClock => ({ now: ctx.now(), today: ctx.today(), zone: ctx.zone() });

/** Adds an "Examples:" block to a command's --help. */
export function examples<C extends { addHelpText(position: 'after', text: string): unknown }>(cmd: C, lines: string[]): C {
  cmd.addHelpText('after', `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`);
  return cmd;
}

/** Any command in the tree, whatever its typed arguments and options. */
export type AnyCommand = CommandUnknownOpts;

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

/** A record read back right after this run wrote it. Missing means the write went wrong: a bug, not bad input. */
export function written<T>(record: T | undefined, what: string): T {
  if (record === undefined) throw new Error(`${what} is missing right after it was written`);
  return record;
}
