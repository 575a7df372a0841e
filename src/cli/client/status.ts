// What `client archive`, `client fire` and `client reactivate` share: one status change, kept as
// history (never overwritten). Each verb's file says which status and what its help reads.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, findClient, printJson, written } from '../shared.js';
import { nullable } from '../../domain/parse.js';
import { UsageError, quote } from '../../domain/errors.js';
import type { ClientStatus } from '../../domain/types.js';
import { getClient, setClientStatus, statusHistory } from '../../db/clients.js';
import { clientDto } from '../../render/json.js';

export interface StatusChange {
  verb: 'archive' | 'fire' | 'reactivate';
  status: ClientStatus;
  help: string;
  /** Starts the confirmation line: "Fired client #3 …". */
  done: string;
  example: string;
}

export interface StatusFlags {
  reason?: string;
  json?: boolean;
}

export function statusCommand(ctx: Ctx, change: StatusChange): AnyCommand {
  return examples(
    new Command(change.verb).description(change.help).argument('<client>', 'name, prefix or id')
      .option('--reason <text>', 'why (kept in the client\'s status history)')
      .option('--json', 'print the changed client as JSON'),
    [change.example],
  ).action((clientRef, o) => changeStatus(ctx, change, { client: clientRef }, o));
}

export function changeStatus(ctx: Ctx, change: StatusChange, args: { client: string }, o: StatusFlags): void {
  const updated = ctx.write().write((db) => {
    const c = findClient(db, args.client);
    if (c.status === change.status) {
      const since = c.statusOn ? ` since ${c.statusOn}` : '';
      const why = c.statusReason ? ` (reason: ${quote(c.statusReason)})` : '';
      throw new UsageError(`${quote(c.name)} is already ${change.status}${since}${why}; nothing changed`);
    }
    setClientStatus(db, c.id, { status: change.status, on: ctx.today(), reason: nullable(o.reason)?.trim() ?? null }, ctx.now().toISOString());
    return { client: written(getClient(db, c.id), `client #${c.id}`), history: statusHistory(db, c.id) };
  });
  if (o.json) return printJson(ctx, { ...clientDto(updated.client), statusHistory: updated.history });
  const c = updated.client;
  const then = change.status === 'active' ? 'check-ins resume' : 'its history is kept';
  ctx.io.out(`${change.done} client #${c.id} ${ctx.style.bold(c.name)}; ${then}.\n`);
}
