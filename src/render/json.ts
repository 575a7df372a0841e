// The one explicit mapping from records, verdicts and the due report to the contract's JSON shapes:
// every field is named here, so refactoring the rules or the domain cannot change the contract.
// Instants are written one way: ISO 8601 in the user's zone, with its offset (toLocalIso).
import { DEL_C1, charClass } from '../domain/text.js';
import type { ChangeRequest, Client, Delivery, Dispute, Incident, Interaction, Invoice, Payment, Referral, Reminder } from '../domain/records.js';
import type { ClientRef, Money } from '../domain/types.js';
import type { DueCheckIn, DueInvoice, DueReminder, DueReport } from '../domain/due.js';
import type { Evidence, Finding, RuleDescription, RulesConfig, Stats, Verdict } from '../rules/index.js';
import { localDate, toLocalIso } from '../domain/dates.js';
import { formatRef } from '../domain/refs.js';

// JSON.stringify escapes C0 controls but leaves DEL and C1 (U+007F–U+009F) raw; some terminals act
// on a raw C1 CSI, so those are escaped too (still valid JSON, parses back to the same text).
const RAW_IN_JSON = new RegExp(charClass(DEL_C1), 'g');
export const json = (value: unknown): string =>
  JSON.stringify(value, null, 2).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';

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
    ref: formatRef('invoice', i.number),
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
    ref: formatRef('reminder', r.id),
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
    ref: formatRef('interaction', i.id),
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
  return { ref: formatRef('change', c.id), id: c.id, client, on: c.on, summary: c.summary, project: c.project, hours: c.hours, unbilled: c.unbilled };
}

export function incidentDto(i: Incident, client: ClientRef, zone: string) {
  return {
    ref: formatRef('incident', i.id),
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

/** `referred`: the client the referral brought in (its `referredClientId`), when there is one. */
export function referralDto(r: Referral, client: ClientRef, referred: ClientRef | null = null) {
  return { ref: formatRef('referral', r.id), id: r.id, client, on: r.on, note: r.note, referred: referred && ref(referred.id, referred.name) };
}

export function deliveryDto(d: Delivery, client: ClientRef) {
  return { ref: formatRef('delivery', d.id), id: d.id, client, project: d.project, on: d.on };
}

const moneyDto = (m: Money) => ({ amount: m.amount, currency: m.currency });

/** A payment just recorded on an invoice (`invoice pay --json` prints it as `payment`). */
export function paymentDto(p: Payment) {
  return { ref: formatRef('payment', p.id), id: p.id, amount: moneyDto(p.amount), paidOn: p.paidOn };
}

/** A dispute over an invoice (`invoice dispute|resolve --json` print it as `dispute`). */
export function disputeDto(d: Dispute) {
  return {
    ref: formatRef('dispute', d.id), id: d.id, invoice: d.invoice, reason: d.reason, openedOn: d.openedOn,
    outcome: d.outcome, conceded: d.conceded && moneyDto(d.conceded), resolvedOn: d.resolvedOn,
  };
}

/** One piece of evidence; instants in the user's zone, with its offset. */
function evidenceDto(e: Evidence, zone: string) {
  switch (e.type) {
    case 'invoice':
      return {
        type: e.type, ref: formatRef('invoice', e.number), id: e.id, number: e.number, amount: moneyDto(e.amount), balance: moneyDto(e.balance), givenUp: moneyDto(e.givenUp),
        issuedOn: e.issuedOn, dueOn: e.dueOn, paidOn: e.paidOn, daysLate: e.daysLate,
      };
    case 'dispute':
      return {
        type: e.type, ref: formatRef('dispute', e.id), id: e.id, invoice: e.invoice, openedOn: e.openedOn, reason: e.reason,
        outcome: e.outcome, resolvedOn: e.resolvedOn, conceded: moneyDto(e.conceded),
      };
    case 'incident':
      return {
        type: e.type, ref: formatRef('incident', e.id), id: e.id, kind: e.kind, on: e.on, at: toLocalIso(e.at, zone),
        severity: e.severity, warned: e.warned, note: e.note,
      };
    case 'change':
      return { type: e.type, ref: formatRef('change', e.id), id: e.id, on: e.on, project: e.project, hours: e.hours, unbilled: e.unbilled };
    case 'interaction':
      return { type: e.type, ref: formatRef('interaction', e.id), id: e.id, at: toLocalIso(e.at, zone), local: e.local, direction: e.direction, channel: e.channel };
    case 'referral':
      return { type: e.type, ref: formatRef('referral', e.id), id: e.id, on: e.on, note: e.note };
    case 'delivery':
      return { type: e.type, ref: formatRef('delivery', e.id), id: e.id, on: e.on, project: e.project };
    case 'income':
      return { type: e.type, from: e.from, to: e.to, client: moneyDto(e.client), total: moneyDto(e.total), share: e.share };
  }
}

function findingDto(f: Finding, zone: string) {
  return {
    rule: f.rule, severity: f.severity, title: f.title, detail: f.detail,
    evidence: f.evidence.map((e) => evidenceDto(e, zone)),
    measure: f.measure, weight: f.weight, cap: f.cap, firesAlone: f.firesAlone, points: f.points,
  };
}

function statsDto(s: Stats) {
  const i = s.invoices;
  return {
    since: s.since,
    relationshipDays: s.relationshipDays,
    lastContact: s.lastContact,
    invoices: {
      issued: i.issued, open: i.open, paidOnTime: i.paidOnTime, paidLate: i.paidLate,
      avgDaysLate: i.avgDaysLate, worstDaysLate: i.worstDaysLate,
    },
    income12m: s.income12m.map((x) => ({ currency: x.currency, amount: moneyDto(x.amount), total: moneyDto(x.total), share: x.share })),
    income12mCombined: s.income12mCombined,
    currencies12m: s.currencies12m,
    overdue: s.overdue.map(moneyDto),
    disputes: { count: s.disputes.count, open: s.disputes.open, conceded: s.disputes.conceded.map(moneyDto) },
    changes: { count: s.changes.count, last12m: s.changes.last12m, unbilled: s.changes.unbilled },
    incidents: { ...s.incidents },
    referrals: s.referrals,
    deliveries: s.deliveries,
  };
}

/** `crm review <client> --json`. */
export function reviewDto(client: ClientRef, v: Verdict, zone: string) {
  return {
    client: ref(client.id, client.name), asOf: v.asOf, verdict: v.verdict, score: v.score, confidence: v.confidence,
    basis: { ...v.basis }, scoring: { ...v.total, shared: v.total.shared.map((x) => ({ ...x, rules: [...x.rules] })) },
    findings: v.findings.map((f) => findingDto(f, zone)),
    stats: statsDto(v.stats), advice: [...v.advice],
  };
}

interface TrendPoint { on: string; score: number }
/** One line of `crm review --all`: a client, its verdict today and its score trend. */
export interface ReviewRow { client: ClientRef; verdict: Verdict; trend: TrendPoint[] }

/** The rules worth naming in a one-line summary: everything but context-only info findings. */
export const mainRules = (v: Verdict): string[] => v.findings.filter((f) => f.severity !== 'info').map((f) => f.rule);

/** `crm review --all --json`: worst first, as the rows come. */
export function reviewAllDto(asOf: string, rows: ReviewRow[]) {
  return {
    asOf,
    clients: rows.map((r) => ({
      client: ref(r.client.id, r.client.name), verdict: r.verdict.verdict, score: r.verdict.score, confidence: r.verdict.confidence,
      rules: mainRules(r.verdict), trend: r.trend.map((t) => ({ on: t.on, score: t.score })),
    })),
  };
}

const checkInDto = (c: DueCheckIn) => ({
  client: ref(c.client.id, c.client.name), lastContact: c.lastContact, cadenceDays: c.cadenceDays, dueOn: c.dueOn, daysOverdue: c.daysOverdue,
});
const dueInvoiceDto = (i: DueInvoice) => ({
  ref: formatRef('invoice', i.number), client: ref(i.client.id, i.client.name), number: i.number, balance: moneyDto(i.balance), dueOn: i.dueOn, daysOverdue: i.daysOverdue,
});
const dueReminderDto = (r: DueReminder) => ({
  ref: formatRef('reminder', r.id), id: r.id, client: ref(r.client.id, r.client.name), on: r.on, kind: r.kind, text: r.text, daysOverdue: r.daysOverdue,
});

/** `crm due --json`. */
export function dueDto(report: DueReport) {
  return {
    asOf: report.asOf,
    checkIns: report.checkIns.map(checkInDto),
    invoices: report.invoices.map(dueInvoiceDto),
    reminders: report.reminders.map(dueReminderDto),
  };
}

/** One rule of `crm rules --json`: its catalogue entry and the settings in force. */
function ruleDto(r: RuleDescription) {
  return {
    id: r.id, severity: r.severity, ...(r.escalatesTo ? { escalatesTo: r.escalatesTo } : {}), title: r.title,
    looksAt: r.looksAt, why: r.why, measure: r.measure, firesWhen: r.firesWhen, owns: r.owns, ...(r.sign ? { sign: r.sign } : {}), configKeys: [...r.configKeys], settings: { ...r.settings },
  };
}

/** `crm rules --json`: the verdict's thresholds and fading, then every rule. */
export function rulesDto(config: RulesConfig, rules: RuleDescription[]) {
  const { thresholds, signCap, reliefCap, halfLifeDays, windowDays, dealbreakerWeight, severityFactor, lowConfidence } = config;
  return {
    thresholds: { ...thresholds }, signCap, reliefCap, halfLifeDays, windowDays, dealbreakerWeight,
    severityFactor: { ...severityFactor }, lowConfidence: { ...lowConfidence }, rules: rules.map(ruleDto),
  };
}
