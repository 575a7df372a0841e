// The one explicit mapping from records to the contract's JSON shapes. Never dump internals.




import type { ChangeRequest, Client, Delivery, Incident, Interaction, Invoice, Referral, Reminder } from '../domain/records.js';
import type { ClientRef } from '../domain/types.js';
import { localDate, toLocalIso } from '../domain/dates.js';

// JSON.stringify escapes C0 controls but leaves DEL and C1 (U+007F–U+009F) raw; some terminals act
// on a raw C1 CSI, so those are escaped too (still valid JSON, parses back to the same text).
export const json = (value: unknown): string =>
  JSON.stringify(value, null, 2).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';

export const ref = (id: number, name: string): ClientRef => ({ id, name });

export function clientDto(c: Client) {
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    phone: c.phone,
    company: c.company,
    channel: c.channel,
    cadenceDays: c.cadenceDays,
    timezone: c.timezone,
    status: c.status,
    note: c.note,
    createdOn: c.createdOn,
    statusOn: c.statusOn,
    statusReason: c.statusReason,
  };
}

export function invoiceDto(i: Invoice) {
  return {
    number: i.number,
    client: ref(i.clientId, i.clientName),
    project: i.project,
    amount: { amount: i.amount, currency: i.currency },
    balance: { amount: Math.max(0, i.balance), currency: i.currency },
    issuedOn: i.issuedOn,
    dueOn: i.dueOn,
    status: i.status,
    paid: { amount: i.paid, currency: i.currency },
    conceded: { amount: i.conceded, currency: i.currency },
  };
}

export function reminderDto(r: Reminder) {
  return {
    id: r.id,
    client: ref(r.clientId, r.clientName),
    on: r.on,
    kind: r.kind,
    text: r.text,
    done: r.doneOn !== null,
    doneOn: r.doneOn,
    snoozedFrom: r.snoozedFrom,
  };
}

/** `zone`: the user's time zone, which dates the instant and gives its offset. */
export function interactionDto(i: Interaction, client: ClientRef, zone: string) {
  return {
    id: i.id,
    client,
    at: toLocalIso(i.at, zone),
    on: localDate(i.at, zone),
    channel: i.channel,
    direction: i.direction,
    summary: i.summary,
    mood: i.mood,
    next: i.nextStep,
    followUpOn: i.followUpOn,
  };
}

export function changeDto(c: ChangeRequest, client: ClientRef) {
  return { id: c.id, client, on: c.on, summary: c.summary, project: c.project, hours: c.hours, unbilled: c.unbilled };
}

export function incidentDto(i: Incident, client: ClientRef, zone: string) {
  return {
    id: i.id,
    client,
    kind: i.kind,
    at: toLocalIso(i.at, zone),
    on: localDate(i.at, zone),
    severity: i.severity,
    note: i.note,
    warned: i.warned,
  };
}

export function referralDto(r: Referral, client: ClientRef) {
  return { id: r.id, client, on: r.on, note: r.note };
}

export function deliveryDto(d: Delivery, client: ClientRef) {
  return { id: d.id, client, project: d.project, on: d.on };
}
