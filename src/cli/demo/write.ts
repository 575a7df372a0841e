// Writes the demo story (domain/demo-story.ts) through the same insert functions the commands use,
// so the sample records are exactly like typed ones: search index, references, the undo journal.
// Call inside one Store.write transaction.
import type { DB } from '../../db/store.js';
import type { DemoStory } from '../../domain/demo-story.js';
import type { DateStr } from '../../domain/types.js';
import { insertClient } from '../../db/clients.js';
import { insertChange, insertDelivery, insertIncident, insertReferral } from '../../db/events.js';
import { getInvoice, insertDispute, insertInvoice, insertPayment, nextInvoiceNumber, resolveDispute } from '../../db/invoices.js';
import { insertReminder } from '../../db/reminders.js';
import { recordLog } from '../../db/log.js';
import { nameKey, validateName } from '../../domain/names.js';
import { parseMoney } from '../../domain/money.js';
import { addDays, parseDateTime } from '../../domain/dates.js';

export interface DemoSettings {
  now: Date;
  zone: string;
  currency: string;
  feedbackAfterDays: number;
  checkBackAfterDays: number;
}

export interface DemoCounts {
  clients: number;
  invoices: number;
  conversations: number;
  reminders: number;
}

const byDate = <T extends { on: DateStr }>(xs: readonly T[]): T[] => [...xs].sort((a, b) => a.on.localeCompare(b.on));

export function writeDemo(db: DB, story: DemoStory, s: DemoSettings): DemoCounts {
  const money = (major: number): number => parseMoney(String(major), s.currency);
  const at = (on: DateStr, time: string): string => parseDateTime(`${on} ${time}`, s.now, s.zone, 'demo time');
  const ids = new Map<string, number>();
  const id = (name: string): number => {
    const found = ids.get(name);
    if (found === undefined) throw new Error(`demo story: no client ${name}`);
    return found;
  };
  let reminders = 0;

  for (const c of [...story.clients].sort((a, b) => a.createdOn.localeCompare(b.createdOn))) {
    const name = validateName(c.name);
    ids.set(c.name, insertClient(db, { ...c, name, nameKey: nameKey(name) }, c.createdOn).id);
  }

  for (const inv of [...story.invoices].sort((a, b) => a.issuedOn.localeCompare(b.issuedOn))) {
    const created = insertInvoice(db, {
      number: nextInvoiceNumber(db), clientId: id(inv.client), project: inv.project,
      amount: money(inv.amount), currency: s.currency, issuedOn: inv.issuedOn, dueOn: inv.dueOn,
    });
    // What happened to it, in order: the dispute opened, settled, then the money came.
    const steps: { on: DateStr; order: number; run: () => void }[] = [];
    let disputeId = 0;
    const d = inv.dispute;
    if (d) {
      steps.push({ on: d.on, order: 0, run: () => void (disputeId = insertDispute(db, created.id, d.reason, d.on)) });
      const r = d.resolved;
      if (r) steps.push({ on: r.on, order: 1, run: () => resolveDispute(db, disputeId, r.outcome, r.conceded === undefined ? 0 : money(r.conceded), r.on) });
    }
    for (const p of inv.payments) {
      steps.push({
        on: p.on, order: 2,
        run: () => void insertPayment(db, created.id, p.amount === undefined ? (getInvoice(db, created.id)?.balance ?? 0) : money(p.amount), p.on),
      });
    }
    steps.sort((a, b) => a.on.localeCompare(b.on) || a.order - b.order).forEach((step) => step.run());
  }

  const recordedAt = s.now.toISOString();
  const talks = story.interactions.map((i) => ({ ...i, at: at(i.on, i.time) })).sort((a, b) => a.at.localeCompare(b.at));
  for (const i of talks) {
    const followUpOn = i.next?.followUpOn ?? null;
    const result = recordLog(db, {
      clientId: id(i.client),
      interaction: {
        at: i.at, channel: i.channel, direction: i.direction, summary: i.summary, mood: i.mood,
        nextStep: i.next?.step ?? null, nextOwner: i.next?.owner ?? null, followUpOn, recordedAt,
      },
      followUp: followUpOn === null ? null : { on: followUpOn, text: i.next?.step ?? `Follow up: ${i.summary}` },
      incidents: [], changes: [], disputes: [], referrals: [],
    });
    if (result.reminder) reminders++;
  }

  for (const i of story.incidents.map((x) => ({ ...x, at: at(x.on, x.time) })).sort((a, b) => a.at.localeCompare(b.at))) {
    insertIncident(db, { clientId: id(i.client), interactionId: null, kind: i.kind, at: i.at, severity: i.severity, note: i.note, warned: i.warned });
  }
  for (const c of byDate(story.changes)) {
    insertChange(db, { clientId: id(c.client), interactionId: null, summary: c.summary, project: c.project, on: c.on, hours: c.hours, unbilled: c.unbilled });
  }
  for (const r of byDate(story.referrals)) {
    insertReferral(db, { clientId: id(r.client), interactionId: null, on: r.on, note: r.note, referredClientId: r.referred === null ? null : id(r.referred) });
  }
  for (const d of byDate(story.deliveries)) {
    // As `crm deliver` does: a feedback request and a check-back, after the configured days.
    const clientId = id(d.client);
    const rec = insertDelivery(db, { clientId, project: d.project, on: d.on });
    insertReminder(db, { clientId, deliveryId: rec.id, on: addDays(d.on, s.feedbackAfterDays), kind: 'feedback', text: `Ask ${d.client} for feedback on ${d.project}` });
    insertReminder(db, { clientId, deliveryId: rec.id, on: addDays(d.on, s.checkBackAfterDays), kind: 'follow-up', text: `Check how ${d.project} landed with ${d.client}` });
    reminders += 2;
  }
  for (const r of byDate(story.reminders)) {
    insertReminder(db, { clientId: id(r.client), on: r.on, kind: r.kind, text: r.text });
    reminders++;
  }
  return { clients: ids.size, invoices: story.invoices.length, conversations: talks.length, reminders };
}
