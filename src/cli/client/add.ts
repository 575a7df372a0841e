// `crm client add`: add a client, with check-in cadence and contact details.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, noteFrom, printJson } from '../shared.js';
import { addFieldOptions, assertNameFree, type FieldFlags } from './fields.js';
import { clientValues } from '../../domain/client-input.js';
import { insertClient } from '../../db/clients.js';
import { clientDto } from '../../render/json.js';

export type AddFlags = FieldFlags & { json?: boolean };

export function command(ctx: Ctx): AnyCommand {
  return examples(
    addFieldOptions(new Command('add').description('add a client').argument('<name>', 'the client name (unique, case-insensitive)'))
      .option('--json', 'print the new client as JSON'),
    ['crm client add "Acme Corp" --email ops@acme.test --cadence 2w', 'crm client add "Zoë Lund" --channel phone --timezone Europe/Oslo'],
  ).action((name, o) => run(ctx, { name }, o));
}

export async function run(ctx: Ctx, args: { name: string }, o: AddFlags): Promise<void> {
  const { name } = args;
  const note = await noteFrom(ctx, o);
  const values = clientValues({ ...o, name, note }, {
    name, email: null, phone: null, company: null, channel: null,
    cadenceDays: (await ctx.config()).cadenceDays, timezone: null, note: null,
  });
  const store = ctx.write();
  const created = store.write((db) => {
    assertNameFree(db, values.nameKey, values.name);
    return insertClient(db, values, ctx.today());
  });
  if (o.json) return printJson(ctx, clientDto(created));
  ctx.io.out(`Added client #${created.id} ${ctx.style.bold(created.name)} (check in every ${created.cadenceDays} days)\n`);
}
