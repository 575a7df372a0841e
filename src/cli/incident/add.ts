// `crm incident add`: record an incident (abuse, lies, demands, risks), outside any logged conversation.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, findClient, need, noteFrom, noteIfInactive, printJson } from '../shared.js';
import { nullable, oneOf } from '../../domain/parse.js';
import { parsePastDateTime } from '../../domain/dates.js';
import { INCIDENT_KINDS, SEVERITIES } from '../../domain/types.js';
import { formatRef } from '../../domain/refs.js';
import { safeText } from '../../domain/text.js';
import { insertIncident } from '../../db/events.js';
import { incidentDto, ref } from '../../render/json.js';

export interface AddFlags {
  kind?: string;
  on?: string;
  severity?: string;
  note?: string;
  noteFile?: string;
  warned?: boolean;
  json?: boolean;
}

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('add').description('record an incident').argument('<client>', 'name, prefix or id')
      .option('--kind <kind>', INCIDENT_KINDS.join(', ') + ' (required)')
      .option('--on <datetime>', "when: now (default), 15:00, 'yesterday 15:00', 2026-11-20 14:30")
      .option('--severity <level>', 'low, medium or high (default medium)')
      .option('--note <text>', "what happened ('-' reads stdin)")
      .option('--note-file <file>', 'read the note from a file')
      .option('--warned', 'you told the client this is not acceptable')
      .option('--json', 'print the incident as JSON'),
    ['crm incident add acme --kind unreasonable-demand --on "2026-11-20 03:10" --note "called at 3 a.m. about a logo"',
      'crm incident add acme --kind verbal-abuse --severity high --warned --note-file notes.txt'],
  ).action((clientRef, o) => run(ctx, { client: clientRef }, o));
}

export async function run(ctx: Ctx, args: { client: string }, o: AddFlags): Promise<void> {
  const kind = oneOf(need(o.kind, '--kind <kind>'), INCIDENT_KINDS, '--kind');
  const severity = o.severity === undefined ? 'medium' : oneOf(o.severity, SEVERITIES, '--severity');
  const at = o.on === undefined ? ctx.now().toISOString() : parsePastDateTime(o.on, ctx.now(), ctx.zone(), '--on');
  const note = nullable(await noteFrom(ctx, o));
  const [client, rec] = ctx.write().write((db) => {
    const c = findClient(db, args.client);
    return [c, insertIncident(db, { clientId: c.id, interactionId: null, kind, at, severity, note, warned: Boolean(o.warned) })] as const;
  });
  noteIfInactive(ctx, client);
  if (o.json) return printJson(ctx, incidentDto(rec, ref(client.id, client.name), ctx.zone()));
  ctx.io.out(`Recorded ${ctx.style.bold(formatRef('incident', rec.id))} (${kind}) for ${safeText(client.name)}\n`);
}
