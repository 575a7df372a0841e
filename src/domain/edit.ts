// `crm edit <ref>`: which flags each kind of record takes (those of the command that recorded it),
// and the edit as a plan — the flags parsed and validated as when the record was recorded, checked
// against the record's current values and the facts around it (what was paid on an invoice, its
// issue date, …), then diffed into the audit trail's before/after. Pure: the clock is an argument,
// and src/db/edits.ts reads the record and its facts.
//
// Field values are in the user's terms, one convention for every type: the keys are the record's
// JSON field names (`amount`, `dueOn`, `client`, `next`…); money is {amount (minor units),
// currency}, a client {id, name}, a date 'YYYY-MM-DD', an instant ISO 8601 UTC, a cleared value null.
import type { ClientRef, DateStr, Money } from './types.js';
import { CHANNELS, DIRECTIONS, DISPUTE_OUTCOMES, INCIDENT_KINDS, MOODS, NEXT_OWNERS, REMINDER_KINDS, SEVERITIES } from './types.js';
import { withArticle, type RecordType } from './refs.js';
import { UsageError, quote } from './errors.js';
import { nullable, oneOf, parseHours, validateNumber } from './parse.js';
import { addDays, parseDate, parseDuration, parseFutureDate, parsePastDate, parsePastDateTime } from './dates.js';
import { formatMoney, parseCurrency, parseMoney, toDecimal } from './money.js';

/** The flags of `crm edit`, as commander hands them over. */
export interface EditFlags {
  client?: string | undefined; at?: string | undefined; channel?: string | undefined; direction?: string | undefined;
  summary?: string | undefined; mood?: string | undefined; next?: string | undefined; owner?: string | undefined;
  amount?: string | undefined; currency?: string | undefined; number?: string | undefined; issued?: string | undefined;
  due?: string | undefined; terms?: string | undefined; project?: string | undefined; on?: string | undefined;
  reason?: string | undefined; outcome?: string | undefined; conceded?: string | undefined; resolvedOn?: string | undefined;
  hours?: string | undefined; unbilled?: boolean | undefined; billed?: boolean | undefined; kind?: string | undefined;
  severity?: string | undefined; note?: string | undefined; warned?: boolean | undefined; notWarned?: boolean | undefined;
  referred?: string | false | undefined; text?: string | undefined;
}

/** What each kind of record takes, in the order `crm edit --help` lists them. */
export const EDIT_FLAGS: Record<RecordType, readonly string[]> = {
  interaction: ['--client', '--at', '--channel', '--direction', '--summary', '--mood', '--next', '--owner'],
  invoice: ['--client', '--amount', '--currency', '--number', '--issued', '--due', '--terms', '--project'],
  payment: ['--amount', '--on'],
  dispute: ['--reason', '--on', '--outcome', '--conceded', '--resolved-on'],
  change: ['--client', '--summary', '--project', '--on', '--hours', '--unbilled', '--billed'],
  incident: ['--client', '--kind', '--on', '--severity', '--note', '--warned', '--not-warned'],
  referral: ['--client', '--note', '--on', '--referred', '--no-referred'],
  delivery: ['--client', '--project', '--on'],
  reminder: ['--client', '--on', '--text', '--kind'],
};

const FLAG_OF_KEY: Record<keyof EditFlags, string> = {
  client: '--client', at: '--at', channel: '--channel', direction: '--direction', summary: '--summary', mood: '--mood',
  next: '--next', owner: '--owner', amount: '--amount', currency: '--currency', number: '--number', issued: '--issued',
  due: '--due', terms: '--terms', project: '--project', on: '--on', reason: '--reason', outcome: '--outcome',
  conceded: '--conceded', resolvedOn: '--resolved-on', hours: '--hours', unbilled: '--unbilled', billed: '--billed',
  kind: '--kind', severity: '--severity', note: '--note', warned: '--warned', notWarned: '--not-warned',
  referred: '--referred', text: '--text',
};

/** The edit flags given, as typed (`--resolved-on`, `--no-referred`), in the order of FLAG_OF_KEY. */
export function givenFlags(o: EditFlags): string[] {
  return (Object.keys(FLAG_OF_KEY) as (keyof EditFlags)[])
    .filter((k) => o[k] !== undefined)
    .map((k) => (k === 'referred' && o.referred === false ? '--no-referred' : FLAG_OF_KEY[k]));
}

const takes = (type: RecordType): string => `${withArticle(type)} takes ${EDIT_FLAGS[type].join(', ')}`;

const EXCLUSIVE: [string, string][] = [['--unbilled', '--billed'], ['--warned', '--not-warned'], ['--due', '--terms']];

/** Refuse an edit with no flags, a flag the type does not take, or two that contradict each other. */
export function checkFlags(type: RecordType, o: EditFlags): void {
  const given = givenFlags(o);
  if (given.length === 0) throw new UsageError(`nothing to change: say what, e.g. ${takes(type)}`);
  for (const flag of given) {
    if (!EDIT_FLAGS[type].includes(flag)) throw new UsageError(`${flag} does not apply to ${withArticle(type)}; ${takes(type)}`);
  }
  for (const [a, b] of EXCLUSIVE) if (given.includes(a) && given.includes(b)) throw new UsageError(`${a} and ${b} cannot be used together`);
}

export type FieldValue = string | number | boolean | null | Money | ClientRef;
export type Fields = Record<string, FieldValue>;

/** What the edit of a record must respect beyond its own fields, read from the database. */
export interface EditFacts {
  /** Invoice: live payments and concessions on it, the earliest of each, and whether any money (voided too) is recorded. */
  paid?: number;
  conceded?: number;
  firstPaidOn?: DateStr | null;
  firstDisputeOn?: DateStr | null;
  moneyRecorded?: boolean;
  /** Payment, dispute: its invoice, and the most this payment or concession can be (the balance plus itself). */
  invoiceNumber?: string;
  invoiceIssuedOn?: DateStr;
  room?: number;
}

/** A record as it stands: its reference, fields in the user's terms and facts. */
export interface Current {
  type: RecordType;
  ref: string;
  fields: Fields;
  facts: EditFacts;
}

export interface EditClock {
  now: Date;
  today: DateStr;
  zone: string;
}

/** The clients named by --client and --referred, resolved by the caller (null: --no-referred). */
export interface EditClients {
  client?: ClientRef | undefined;
  referred?: ClientRef | null | undefined;
}

/** Only the fields that change: before and after, as the audit trail keeps them. Empty when nothing changes. */
export interface EditPlan {
  before: Fields;
  after: Fields;
}

type Planner = (cur: Current, o: EditFlags, clock: EditClock, clients: EditClients) => Fields;

const required = (v: string, flag: string, what: string): string => {
  if (v.trim() === '') throw new UsageError(`${flag} is empty; ${what}`);
  return v;
};
/** An optional choice: one of the values, or '' to clear it. */
const optChoice = <T extends string>(v: string, values: readonly T[], flag: string): T | null =>
  v.trim() === '' ? null : oneOf(v, values, flag);
const moneyOf = (v: FieldValue | undefined): Money => v as Money;
const clientOf = (v: FieldValue | undefined): ClientRef => v as ClientRef;
/** A text, date or instant field's value ('' for none). */
export const textOf = (v: FieldValue | undefined): string => (typeof v === 'string' ? v : '');

const interaction: Planner = (cur, o, { now, zone }, { client }) => {
  const p: Fields = {};
  if (client) p.client = client;
  if (o.at !== undefined) p.at = parsePastDateTime(o.at, now, zone, '--at');
  if (o.channel !== undefined) p.channel = optChoice(o.channel, CHANNELS, '--channel');
  if (o.direction !== undefined) p.direction = oneOf(o.direction, DIRECTIONS, '--direction');
  if (o.summary !== undefined) p.summary = required(o.summary, '--summary', 'say what was discussed');
  if (o.mood !== undefined) p.mood = optChoice(o.mood, MOODS, '--mood');
  if (o.next !== undefined) p.next = nullable(o.next);
  const next = o.next !== undefined ? p.next : cur.fields.next;
  if (o.owner !== undefined) {
    if (next === null) throw new UsageError('--owner goes with a next step, and this conversation has none; give --next too');
    p.owner = oneOf(o.owner, NEXT_OWNERS, '--owner');
  } else if (o.next !== undefined) {
    p.owner = next === null ? null : (cur.fields.owner ?? 'me');
  }
  return p;
};

const invoice: Planner = (cur, o, { today }, { client }) => {
  const { fields: f, facts: x } = cur;
  const name = textOf(f.number);
  const p: Fields = {};
  if (client) p.client = client;
  if (o.number !== undefined) p.number = validateNumber(o.number);
  const old = moneyOf(f.amount);
  const currency = o.currency !== undefined ? parseCurrency(o.currency) : old.currency;
  if (o.amount !== undefined) p.amount = { amount: parseMoney(o.amount, currency), currency };
  else if (currency !== old.currency) {
    // The same sum in the new currency: 1,200.00 EUR becomes 1,200.00 USD.
    try {
      const decimal = toDecimal(old.amount, old.currency).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
      p.amount = { amount: parseMoney(decimal, currency), currency };
    } catch {
      throw new UsageError(`--currency ${quote(o.currency ?? '')}: ${formatMoney(old)} cannot be written in ${currency}; give --amount too`);
    }
  }
  if (p.amount !== undefined) {
    const amount = moneyOf(p.amount);
    if (amount.currency !== old.currency && x.moneyRecorded) {
      throw new UsageError(`${name} has payments or concessions recorded in ${old.currency} (a voided one counts: it could be unvoided); its currency cannot change`);
    }
    const paid = x.paid ?? 0;
    const conceded = x.conceded ?? 0;
    if (amount.amount < paid + conceded) {
      const what = [paid > 0 ? `${formatMoney(paid, old.currency)} paid` : '', conceded > 0 ? `${formatMoney(conceded, old.currency)} conceded` : '']
        .filter(Boolean).join(' and ');
      throw new UsageError(`--amount ${quote(o.amount ?? formatMoney(amount))}: ${name} has ${what}; the amount cannot go below ${paid > 0 && conceded > 0 ? formatMoney(paid + conceded, old.currency) : 'that'}`);
    }
  }
  if (o.issued !== undefined) p.issuedOn = parsePastDate(o.issued, today, '--issued');
  const issued = textOf(p.issuedOn ?? f.issuedOn);
  if (o.due !== undefined) p.dueOn = parseDate(o.due, today, '--due');
  else if (o.terms !== undefined) p.dueOn = addDays(issued, parseDuration(o.terms, '--terms', { max: 3650 }));
  const due = textOf(p.dueOn ?? f.dueOn);
  if (due < issued) {
    throw new UsageError(o.due !== undefined ? `--due ${quote(o.due)} is before the issue date ${issued}`
      : `--issued ${quote(o.issued ?? issued)} is after the due date ${due}; give --due or --terms too`);
  }
  if (o.issued !== undefined) {
    for (const [what, on] of [['payment', x.firstPaidOn], ['dispute', x.firstDisputeOn]] as const) {
      if (on && issued > on) throw new UsageError(`--issued ${quote(o.issued)} is after the first ${what} on ${name} (${on}); an invoice is issued before it is paid or disputed`);
    }
  }
  if (o.project !== undefined) p.project = nullable(o.project);
  return p;
};

const payment: Planner = (cur, o, { today }) => {
  const { fields: f, facts: x } = cur;
  const p: Fields = {};
  if (o.amount !== undefined) {
    const { currency } = moneyOf(f.amount);
    const amount = parseMoney(o.amount, currency);
    if (amount > (x.room ?? 0)) {
      throw new UsageError(`--amount ${quote(o.amount)} is more than ${x.invoiceNumber} has left to pay with this payment (${formatMoney(x.room ?? 0, currency)})`);
    }
    p.amount = { amount, currency };
  }
  if (o.on !== undefined) p.paidOn = onOrAfterIssue(parsePastDate(o.on, today, '--on'), x);
  return p;
};

function onOrAfterIssue(on: DateStr, x: EditFacts): DateStr {
  if (x.invoiceIssuedOn !== undefined && on < x.invoiceIssuedOn) {
    throw new UsageError(`--on ${quote(on)} is before ${x.invoiceNumber} was issued (${x.invoiceIssuedOn})`);
  }
  return on;
}

const dispute: Planner = (cur, o, { today }) => {
  const { fields: f, facts: x } = cur;
  const p: Fields = {};
  if (o.reason !== undefined) p.reason = required(o.reason, '--reason', 'say what the client objects to');
  if (o.on !== undefined) p.openedOn = onOrAfterIssue(parsePastDate(o.on, today, '--on'), x);
  const wasOutcome = f.outcome as string | null;
  if (wasOutcome === null) {
    const flag = (['--outcome', '--conceded', '--resolved-on'] as const).find((g) => givenFlags(o).includes(g));
    if (flag) throw new UsageError(`${flag}: ${cur.ref} is still open; crm invoice resolve ${x.invoiceNumber} resolves it`);
    return p;
  }
  const outcome = o.outcome !== undefined ? oneOf(o.outcome, DISPUTE_OUTCOMES, '--outcome') : wasOutcome;
  if (o.outcome !== undefined) p.outcome = outcome;
  const { currency } = moneyOf(f.conceded);
  const room = x.room ?? 0;
  if (o.conceded !== undefined && outcome !== 'discounted') throw new UsageError(`--conceded only goes with the outcome discounted (this dispute is ${outcome})`);
  if (outcome === 'discounted') {
    if (o.conceded !== undefined) {
      const conceded = parseMoney(o.conceded, currency, '--conceded');
      if (conceded > room) throw new UsageError(`--conceded ${quote(o.conceded)} is more than the balance of ${x.invoiceNumber} (${formatMoney(room, currency)})`);
      p.conceded = { amount: conceded, currency };
    } else if (wasOutcome !== 'discounted') {
      throw new UsageError('--conceded is required with --outcome discounted');
    }
  } else if (o.outcome !== undefined) {
    if (outcome === 'written-off' && room <= 0) throw new UsageError(`${x.invoiceNumber} is paid in full; there is nothing to write off`);
    p.conceded = { amount: outcome === 'written-off' ? room : 0, currency };
  }
  if (o.resolvedOn !== undefined) p.resolvedOn = parsePastDate(o.resolvedOn, today, '--resolved-on');
  const opened = textOf(p.openedOn ?? f.openedOn);
  const resolved = textOf(p.resolvedOn ?? f.resolvedOn);
  if (resolved < opened) {
    throw new UsageError(o.resolvedOn !== undefined ? `--resolved-on ${quote(o.resolvedOn)} is before the dispute was opened (${opened})`
      : `--on ${quote(o.on ?? opened)} is after the dispute was resolved (${resolved})`);
  }
  return p;
};

const change: Planner = (_cur, o, { today }, { client }) => {
  const p: Fields = {};
  if (client) p.client = client;
  if (o.summary !== undefined) p.summary = required(o.summary, '--summary', 'say what changed');
  if (o.project !== undefined) p.project = nullable(o.project);
  if (o.on !== undefined) p.on = parsePastDate(o.on, today, '--on');
  if (o.hours !== undefined) p.hours = o.hours.trim() === '' ? null : parseHours(o.hours);
  if (o.unbilled) p.unbilled = true;
  if (o.billed) p.unbilled = false;
  return p;
};

const incident: Planner = (_cur, o, { now, zone }, { client }) => {
  const p: Fields = {};
  if (client) p.client = client;
  if (o.kind !== undefined) p.kind = oneOf(o.kind, INCIDENT_KINDS, '--kind');
  if (o.on !== undefined) p.at = parsePastDateTime(o.on, now, zone, '--on');
  if (o.severity !== undefined) p.severity = oneOf(o.severity, SEVERITIES, '--severity');
  if (o.note !== undefined) p.note = nullable(o.note);
  if (o.warned) p.warned = true;
  if (o.notWarned) p.warned = false;
  return p;
};

const referral: Planner = (cur, o, { today }, { client, referred }) => {
  const p: Fields = {};
  if (client) p.client = client;
  if (o.note !== undefined) p.note = nullable(o.note);
  if (o.on !== undefined) p.on = parsePastDate(o.on, today, '--on');
  if (referred !== undefined) p.referred = referred;
  const by = clientOf(p.client ?? cur.fields.client);
  const brought = (p.referred ?? cur.fields.referred) as ClientRef | null;
  if (brought && brought.id === by.id) throw new UsageError(`--referred: ${by.name} cannot be the client they referred`);
  return p;
};

const delivery: Planner = (_cur, o, { today }, { client }) => {
  const p: Fields = {};
  if (client) p.client = client;
  if (o.project !== undefined) p.project = nullable(o.project);
  if (o.on !== undefined) p.on = parsePastDate(o.on, today, '--on');
  return p;
};

// A reminder's date is held to what `remind add` asks of a new one: not before today. An edit that
// moved it into the past would only make it overdue at once; `remind done` is the way to close it.
const reminder: Planner = (_cur, o, { today }, { client }) => {
  const p: Fields = {};
  if (client) p.client = client;
  if (o.on !== undefined) p.on = parseFutureDate(o.on, today, '--on');
  if (o.text !== undefined) p.text = required(o.text, '--text', 'say what to do');
  if (o.kind !== undefined) p.kind = oneOf(o.kind, REMINDER_KINDS, '--kind');
  return p;
};

const PLANNERS: Record<RecordType, Planner> = { interaction, invoice, payment, dispute, change, incident, referral, delivery, reminder };

/** Equal in the user's terms: money by amount and currency, a client by id, an instant by the moment. */
export function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (typeof a === 'object' && typeof b === 'object') {
    if ('currency' in a && 'currency' in b) return a.amount === b.amount && a.currency === b.currency;
    if ('id' in a && 'id' in b) return a.id === b.id;
    return false;
  }
  if (typeof a === 'string' && typeof b === 'string' && /T.*Z$/.test(a) && /T.*Z$/.test(b)) return Date.parse(a) === Date.parse(b);
  return false;
}

/** Parse and validate the flags against the record as it stands; only what actually changes is kept. */
export function planEdit(cur: Current, o: EditFlags, clock: EditClock, clients: EditClients = {}): EditPlan {
  checkFlags(cur.type, o);
  const patch = PLANNERS[cur.type](cur, o, clock, clients);
  const before: Fields = {};
  const after: Fields = {};
  for (const [key, value] of Object.entries(patch)) {
    const was = cur.fields[key] ?? null;
    if (sameValue(was, value)) continue;
    before[key] = was;
    after[key] = value;
  }
  return { before, after };
}

/** The flag a field is set with, which is also its name in what crm prints (`dueOn` → `due`). */
export function fieldLabel(type: RecordType, key: string): string {
  if (key === 'at') return type === 'incident' ? 'on' : 'at';
  return ({ issuedOn: 'issued', dueOn: 'due', paidOn: 'on', openedOn: 'on', resolvedOn: 'resolved-on' } as Record<string, string>)[key] ?? key;
}
