// `crm history`: a client's timeline as text (one entry a line: date, reference, what happened;
// voids and the audit trail with --all) and as the contract's JSON array. Returns strings; never prints.
import type { HistoryCorrection, HistoryEntry } from '../domain/history.js';
import type { ClientRef, ClientStatus, DateStr, Money } from '../domain/types.js';
import { formatMoney } from '../domain/money.js';
import { oneLine } from '../domain/text.js';
import { toLocalIso, toLocalMinute } from '../domain/dates.js';
import { hanging } from './fit.js';
import type { Style } from './style.js';
import { displayWidth, padEndToWidth } from './width.js';

const text = (s: string | null): string => (s === null ? '' : oneLine(s));
const join = (...parts: (string | false | null | undefined)[]): string => parts.filter((p) => p).join(' · ');
const STATUS_WORD: Record<ClientStatus, string> = { active: 'reactivated', archived: 'archived', fired: 'fired' };

/** The one-line text of an entry, the same for people and for JSON's `summary`. */
export function entrySummary(e: HistoryEntry): string {
  switch (e.type) {
    case 'interaction': {
      const next = e.next && `next: ${text(e.next)}${e.nextOwner && e.nextOwner !== 'me' ? ` (${e.nextOwner})` : ''}`;
      return join(`${e.channel ?? 'contact'} ${e.direction}`, e.mood, e.text && text(e.text), next,
        e.followUpOn && `follow-up ${e.followUpOn}`);
    }
    case 'invoice':
      return join(`${text(e.number)} ${formatMoney(e.amount)}`, e.project && text(e.project), `due ${e.dueOn}`);
    case 'payment':
      return `received ${formatMoney(e.amount)} for ${text(e.invoice)}`;
    case 'dispute': {
      if (e.event === 'opened') return `disputed ${text(e.invoice)}: ${text(e.reason)}`;
      const conceded = e.conceded.amount > 0 ? `, ${formatMoney(e.conceded)} conceded` : '';
      return `dispute on ${text(e.invoice)} resolved: ${e.outcome ?? ''}${conceded}`;
    }
    case 'change':
      return join(`change: ${text(e.text)}`, e.project && text(e.project), e.hours !== null && `${e.hours} h`,
        e.unbilled ? 'unbilled' : 'billed');
    case 'incident':
      return join(`${e.kind} (${e.severity})`, e.note && text(e.note), e.warned && 'warned');
    case 'referral':
      return join(e.referred ? `referred ${text(e.referred.name)}` : 'referral', e.note && text(e.note));
    case 'delivery':
      return e.project ? `delivered ${text(e.project)}` : 'delivered';
    case 'reminder':
      return join(`${e.kind} reminder: ${text(e.text)}`, e.doneOn ? `done ${e.doneOn}` : 'open');
    case 'status':
      return `${STATUS_WORD[e.status]}${e.reason ? `: ${text(e.reason)}` : ''}`;
  }
}

const isMoney = (v: unknown): v is Money =>
  typeof v === 'object' && v !== null && typeof (v as Money).amount === 'number' && typeof (v as Money).currency === 'string';

// Corrected fields keep instants in UTC (`at`); people and JSON get them in the user's zone.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z$/;

/** A corrected field's value as a person reads it. */
function shown(v: unknown, zone: string): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return INSTANT.test(v) ? toLocalMinute(v, zone) : text(v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return String(v);
  if (isMoney(v)) return formatMoney(v);
  if (typeof v === 'object' && typeof (v as ClientRef).name === 'string') return text((v as ClientRef).name);
  return text(JSON.stringify(v));
}

/** "edited 2026-11-21: amount 1,200.00 EUR → 1,000.00 EUR (typo)", "voided 2026-11-21: wrong client". */
export function correctionLine(c: HistoryCorrection, zone: string): string {
  const reason = c.reason ? text(c.reason) : '';
  if (c.action !== 'edit') {
    // A reminder voided along with its conversation or delivery names it.
    const along = typeof c.after?.with === 'string' ? ` with ${text(c.after.with)}` : '';
    return `${c.action}ed ${c.on}${along}${reason ? `: ${reason}` : ''}`;
  }
  const keys = [...new Set([...Object.keys(c.before ?? {}), ...Object.keys(c.after ?? {})])];
  const changes = keys.map((k) => `${text(k)} ${shown(c.before?.[k], zone)} → ${shown(c.after?.[k], zone)}`).join('; ');
  return `edited ${c.on}: ${changes || 'no field changed'}${reason ? ` (${reason})` : ''}`;
}

export interface HistoryView {
  client: { name: string; status: ClientStatus; statusOn: DateStr | null };
  /** The entries shown, newest first. */
  entries: HistoryEntry[];
  /** How many older entries the limit left out. */
  more: number;
  /** Show void marks and the audit trail (--all). */
  all: boolean;
  /** The filters in force, in words ("since 2026-01-01", "type invoice"), for the empty case. */
  filters: string[];
  width: number;
  /** The user's zone, for instants in the audit trail. */
  zone: string;
}

/** The timeline: a header, then date, time, reference and text per entry, wrapped under its text. */
export function renderHistory(style: Style, v: HistoryView): string {
  const name = text(v.client.name);
  const head = style.bold(name) + (v.client.status === 'active' ? '' : style.dim(` (${v.client.status}${v.client.statusOn ? ` since ${v.client.statusOn}` : ''})`));
  if (v.entries.length === 0) {
    const why = v.filters.length > 0 ? `Nothing in ${name}'s history matches (${v.filters.join(', ')}).` : `Nothing recorded with ${name} yet.`;
    return `${head}\n${why}\n`;
  }
  // A loop, not Math.max(...): spreading 200k entries as arguments overflows the stack.
  const refWidth = Math.min(24, v.entries.reduce((w, e) => Math.max(w, displayWidth(e.ref)), 0));
  const lines = [head];
  for (const e of v.entries) {
    const lead = `${e.on} ${e.time ?? '     '}  ${style.dim(padEndToWidth(text(e.ref), refWidth))}  `;
    let body = entrySummary(e);
    if (e.voidedOn !== null) {
      // The audit trail below says when and why, when it has the void; otherwise say it here.
      const told = v.all && e.corrections.some((c) => c.action === 'void');
      body = `${style.red('VOID')} ${body}${told ? '' : ' ' + style.red(`(voided ${e.voidedOn}${e.voidReason ? `: ${text(e.voidReason)}` : ''})`)}`;
    }
    lines.push(hanging(lead, body, v.width));
    if (v.all) {
      const indent = ' '.repeat(Math.min(displayWidth(lead), Math.max(0, v.width - 30)));
      for (const c of e.corrections) lines.push(hanging(`${indent}· `, style.dim(correctionLine(c, v.zone)), v.width));
    }
  }
  if (v.more > 0) {
    const total = v.entries.length + v.more;
    lines.push(style.dim(`… ${v.more} older ${v.more === 1 ? 'entry' : 'entries'} not shown; --limit ${total} shows all, --since DATE starts later`));
  }
  return lines.join('\n') + '\n';
}

/** Before/after values with their instants in the user's zone (JSON's one form for instants). */
function localFields(f: Record<string, unknown> | null, zone: string): Record<string, unknown> | null {
  if (f === null) return null;
  return Object.fromEntries(Object.entries(f).map(([k, v]) => [k, typeof v === 'string' && INSTANT.test(v) ? toLocalIso(v, zone) : v]));
}

/** One entry of `crm history --json`; `on` is a date, or for an instant ISO 8601 with the user's offset. */
export function historyEntryDto(e: HistoryEntry, client: ClientRef, zone: string) {
  const money = (m: Money) => ({ amount: m.amount, currency: m.currency });
  const base = {
    ref: e.ref, type: e.type, id: e.id, on: e.at === null ? e.on : toLocalIso(e.at, zone), summary: entrySummary(e),
    voided: e.voidedOn !== null, voidedOn: e.voidedOn, voidReason: e.voidReason, client: { id: client.id, name: client.name },
    corrections: e.corrections.map((c) => ({
      action: c.action, on: c.on, at: toLocalIso(c.at, zone), reason: c.reason,
      before: localFields(c.before, zone), after: localFields(c.after, zone),
    })),
  };
  switch (e.type) {
    case 'interaction':
      return {
        ...base, channel: e.channel, direction: e.direction, mood: e.mood, text: e.text, next: e.next, nextOwner: e.nextOwner,
        followUpOn: e.followUpOn,
      };
    case 'invoice':
      return { ...base, number: e.number, amount: money(e.amount), project: e.project, issuedOn: e.issuedOn, dueOn: e.dueOn };
    case 'payment':
      return { ...base, invoice: e.invoice, amount: money(e.amount), paidOn: e.paidOn };
    case 'dispute':
      return {
        ...base, event: e.event, invoice: e.invoice, reason: e.reason, openedOn: e.openedOn, resolvedOn: e.resolvedOn,
        outcome: e.outcome, conceded: money(e.conceded),
      };
    case 'change':
      return { ...base, text: e.text, project: e.project, hours: e.hours, unbilled: e.unbilled };
    case 'incident':
      return { ...base, kind: e.kind, severity: e.severity, note: e.note, warned: e.warned };
    case 'referral':
      return { ...base, note: e.note, referred: e.referred === null ? null : { id: e.referred.id, name: e.referred.name } };
    case 'delivery':
      return { ...base, project: e.project };
    case 'reminder':
      return { ...base, kind: e.kind, text: e.text, done: e.doneOn !== null, doneOn: e.doneOn, snoozedFrom: e.snoozedFrom };
    case 'status':
      return { ...base, status: e.status, reason: e.reason };
  }
}
