// `crm client edit`: change a client's details; refuses a change that changes nothing.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, findClient, noteFrom, printJson, written } from '../shared.js';
import { addFieldOptions, assertNameFree, type FieldFlags } from './fields.js';
import { clientValues } from '../../domain/client-input.js';
import { UsageError, CrmError, quote } from '../../domain/errors.js';
import { getClient, updateClient } from '../../db/clients.js';
import { clientDto } from '../../render/json.js';

export type EditFlags = FieldFlags & { name?: string; json?: boolean };

/** The flags `client edit` can change (each `--<key>`). */
const EDITABLE = ['name', 'email', 'phone', 'company', 'channel', 'cadence', 'timezone', 'note'] as const;

export function command(ctx: Ctx): AnyCommand {
  return examples(
    addFieldOptions(new Command('edit').description("change a client's details").argument('<client>', 'name, prefix or id'))
      .option('--name <name>', 'rename the client')
      .option('--json', 'print the changed client as JSON'),
    ['crm client edit acme --cadence 1m', 'crm client edit acme --name "Acme Industries" --email ""'],
  ).action((clientRef, o) => run(ctx, { client: clientRef }, o));
}

export async function run(ctx: Ctx, args: { client: string }, o: EditFlags): Promise<void> {
  const given = EDITABLE.filter((k) => o[k] !== undefined || (k === 'note' && o.noteFile !== undefined));
  if (given.length === 0) {
    throw new UsageError(`nothing to change; give at least one of ${EDITABLE.map((k) => `--${k}`).join(', ')}`);
  }
  const note = await noteFrom(ctx, o);
  const store = ctx.write();
  const updated = store.write((db) => {
    const c = findClient(db, args.client);
    const values = clientValues({ ...o, note }, c);
    if (EDITABLE.every((k) => (k === 'cadence' ? values.cadenceDays === c.cadenceDays : values[k] === c[k]))) {
      throw new UsageError(`nothing to change: ${quote(c.name)} already has ${given.length === 1 ? 'that value' : 'those values'}`);
    }
    assertNameFree(db, values.nameKey, values.name, c.id);
    if (!updateClient(db, c.id, c.revision, values)) {
      throw new CrmError(`client #${c.id} was changed by another crm while editing; nothing was written, try again`);
    }
    return written(getClient(db, c.id), `client #${c.id}`);
  });
  if (o.json) return printJson(ctx, clientDto(updated));
  ctx.io.out(`Updated client #${updated.id} ${ctx.style.bold(updated.name)}\n`);
}
