// `crm client archive|fire|reactivate`: status changes, kept as history (never overwritten).
// Registered on the `client` command group by cli/client.ts.
import type { Ctx } from './context.js';
import { type AnyCommand, examples, findClient, nullable, printJson } from './shared.js';
import { UsageError, quote } from '../domain/errors.js';
import type { ClientStatus } from '../domain/types.js';
import { getClient, setClientStatus, statusHistory } from '../db/clients.js';
import { clientDto } from '../render/json.js';

interface Verb {
  verb: 'archive' | 'fire' | 'reactivate';
  status: ClientStatus;
  help: string;
  done: string;
  example: string;
}

const VERBS: readonly Verb[] = [
  { verb: 'archive', status: 'archived', help: 'archive a client: history kept, no more check-ins', done: 'Archived', example: 'crm client archive acme' },
  { verb: 'fire', status: 'fired', help: 'fire a client: history kept, no more check-ins', done: 'Fired', example: 'crm client fire acme --reason "paid late for a year"' },
  { verb: 'reactivate', status: 'active', help: 'take a client back: check-ins resume', done: 'Reactivated', example: 'crm client reactivate acme --reason "new project, paid upfront"' },
];

export function statusCommands(ctx: Ctx, client: AnyCommand): void {
  for (const v of VERBS) {
    examples(
      client.command(v.verb).description(v.help).argument('<client>', 'name, prefix or id')
        .option('--reason <text>', 'why (kept in the client\'s status history)')
        .option('--json', 'print the changed client as JSON'),
      [v.example],
    ).action((ref: string, o: { reason?: string; json?: true }) => {
      const updated = ctx.write().write((db) => {
        const c = findClient(db, ref);
        if (c.status === v.status) {
          const since = c.statusOn ? ` since ${c.statusOn}` : '';
          const why = c.statusReason ? ` (reason: ${quote(c.statusReason)})` : '';
          throw new UsageError(`${quote(c.name)} is already ${v.status}${since}${why}; nothing changed`);
        }
        setClientStatus(db, c.id, { status: v.status, on: ctx.today(), reason: nullable(o.reason)?.trim() ?? null }, ctx.now().toISOString());
        return { client: getClient(db, c.id)!, history: statusHistory(db, c.id) };
      });
      if (o.json) return printJson(ctx, { ...clientDto(updated.client), statusHistory: updated.history });
      const c = updated.client;
      const then = v.status === 'active' ? 'check-ins resume' : 'its history is kept';
      ctx.io.out(`${v.done} client #${c.id} ${ctx.style.bold(c.name)}; ${then}.\n`);
    });
  }
}
