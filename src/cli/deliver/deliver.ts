// `crm change add`, `crm incident add`, `crm referral add` and `crm deliver`: one record each.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from './context.js';
import { type AnyCommand, examples, noteFrom, need, findClient, noteIfInactive, nullable, oneOf, printJson } from './shared.js';
import { parseHours } from '../domain/parse.js';
import { UsageError, quote } from '../domain/errors.js';
import { addDays, parsePastDate, parsePastDateTime } from '../domain/dates.js';
import { INCIDENT_KINDS, SEVERITIES } from '../domain/types.js';
import { insertChange, insertDelivery, insertIncident, insertReferral } from '../db/events.js';
import { insertReminder } from '../db/reminders.js';
import { changeDto, deliveryDto, incidentDto, ref, referralDto, reminderDto } from '../render/json.js';
import { safeText } from '../domain/text.js';

export function recordCommands(ctx: Ctx): AnyCommand[] {
  const say = (text: string): void => ctx.io.out(text + '\n');

  const change = examples(new Command('change').description('record scope changes the client asks for'), ['crm change add acme --summary "Extra landing page" --hours 4']);
  examples(
    change.command('add').description('record a change request').argument('<client>', 'name, prefix or id')
      .option('--summary <text>', 'what the client wants changed (required)')
      .option('--project <name>', 'project')
      .option('--on <date>', 'date (default today)')
      .option('--hours <n>', 'estimated extra hours')
      .option('--unbilled', 'you are absorbing it without billing')
      .option('--json', 'print the change request as JSON'),
    ['crm change add acme --summary "New colour scheme" --hours 6 --unbilled'],
  ).action((clientRef, o) => {
    const today = ctx.today();
    const on = o.on === undefined ? today : parsePastDate(o.on, today, '--on');
    const hours = o.hours === undefined ? null : parseHours(o.hours);
    const summary = need(o.summary, '--summary <text>');
    if (summary.trim() === '') throw new UsageError('--summary is empty; say what changed');
    const store = ctx.write();
    const [client, rec] = store.write((db) => {
      const c = findClient(db, clientRef);
      return [c, insertChange(db, { clientId: c.id, interactionId: null, summary, project: nullable(o.project), on, hours, unbilled: Boolean(o.unbilled) })] as const;
    });
    noteIfInactive(ctx, client);
    if (o.json) return printJson(ctx, changeDto(rec, ref(client.id, client.name)));
    say(`Change request #${rec.id} recorded for ${client.name}${rec.unbilled ? ' (unbilled)' : ''}`);
  });

  const incident = examples(new Command('incident').description('record how a client behaved: abuse, lies, demands, risks'), ['crm incident add acme --kind missed-deadline --note "copy still not delivered"']);
  examples(
    incident.command('add').description('record an incident').argument('<client>', 'name, prefix or id')
      .option('--kind <kind>', INCIDENT_KINDS.join(', ') + ' (required)')
      .option('--on <datetime>', 'when (default now)')
      .option('--severity <level>', 'low, medium or high (default medium)')
      .option('--note <text>', "what happened ('-' reads stdin)")
      .option('--note-file <file>', 'read the note from a file')
      .option('--warned', 'you told the client this is not acceptable')
      .option('--json', 'print the incident as JSON'),
    ['crm incident add acme --kind unreasonable-demand --on "2026-11-20 03:10" --note "called at 3 a.m. about a logo"',
      'crm incident add acme --kind verbal-abuse --severity high --warned --note-file notes.txt'],
  ).action(async (clientRef, o) => {
    const kind = oneOf(need(o.kind, '--kind <kind>'), INCIDENT_KINDS, '--kind');
    const severity = o.severity === undefined ? 'medium' : oneOf(o.severity, SEVERITIES, '--severity');
    const at = o.on === undefined ? ctx.now().toISOString() : parsePastDateTime(o.on, ctx.now(), ctx.zone(), '--on');
    const note = nullable(await noteFrom(ctx, o));
    const [client, rec] = ctx.write().write((db) => {
      const c = findClient(db, clientRef);
      return [c, insertIncident(db, { clientId: c.id, interactionId: null, kind, at, severity, note, warned: Boolean(o.warned) })] as const;
    });
    noteIfInactive(ctx, client);
    if (o.json) return printJson(ctx, incidentDto(rec, ref(client.id, client.name), ctx.zone()));
    say(`Incident #${rec.id} (${kind}) recorded for ${client.name}`);
  });

  const referral = examples(new Command('referral').description('record business the client sent your way'), ['crm referral add acme --note "introduced us to Globex"']);
  examples(
    referral.command('add').description('record a referral').argument('<client>', 'name, prefix or id')
      .option('--note <text>', 'who they referred')
      .option('--on <date>', 'date (default today)')
      .option('--json', 'print the referral as JSON'),
    ['crm referral add acme --note "introduced us to Globex"'],
  ).action((clientRef, o) => {
    const today = ctx.today();
    const on = o.on === undefined ? today : parsePastDate(o.on, today, '--on');
    const [client, rec] = ctx.write().write((db) => {
      const c = findClient(db, clientRef);
      return [c, insertReferral(db, { clientId: c.id, interactionId: null, on, note: nullable(o.note) })] as const;
    });
    noteIfInactive(ctx, client);
    if (o.json) return printJson(ctx, referralDto(rec, ref(client.id, client.name)));
    say(`Referral #${rec.id} recorded for ${client.name} — thank them!`);
  });

  const deliver = examples(
    new Command('deliver').description('record a delivery; schedules a feedback request and a check-back a month later')
      .argument('<client>', 'name, prefix or id')
      .option('--project <name>', 'what you delivered')
      .option('--on <date>', 'date delivered (default today)')
      .option('--json', 'print the delivery as JSON'),
    ['crm deliver acme --project "Website v2"'],
  ).action(async (clientRef, o) => {
    const today = ctx.today();
    const on = o.on === undefined ? today : parsePastDate(o.on, today, '--on');
    const cfg = await ctx.config();
    const [client, rec, reminders] = ctx.write().write((db) => {
      const c = findClient(db, clientRef);
      const d = insertDelivery(db, { clientId: c.id, project: nullable(o.project), on });
      const what = d.project ?? 'the delivery';
      const rs = [
        insertReminder(db, { clientId: c.id, deliveryId: d.id, on: addDays(on, cfg.feedbackAfterDays), kind: 'feedback', text: `Ask ${c.name} for feedback on ${what}` }),
        insertReminder(db, { clientId: c.id, deliveryId: d.id, on: addDays(on, cfg.checkBackAfterDays), kind: 'follow-up', text: `Check how ${what} landed with ${c.name}` }),
      ];
      return [c, d, rs] as const;
    });
    noteIfInactive(ctx, client);
    if (o.json) return printJson(ctx, { ...deliveryDto(rec, ref(client.id, client.name)), reminders: reminders.map(reminderDto) });
    say(`Delivery #${rec.id} recorded for ${client.name}`);
    for (const r of reminders) say(`  reminder #${r.id} on ${r.on}: ${safeText(r.text)}`);
  });

  return [change, incident, referral, deliver];
}
