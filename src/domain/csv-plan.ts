// Rows of another tool's invoice CSV → what to add to crm: new invoices (with what was paid on
// them), payments on invoices crm already has, new clients, and the rows refused with their line
// and reason. Pure: what crm already holds comes in as `ImportState`; nothing here writes.
import { UsageError, quote } from './errors.js';
import { ownCurrency } from './client-currency.js';
import { addDays } from './dates.js';
import { formatMoney, parseCurrency } from './money.js';
import { nameKey, validateName } from './names.js';
import { validateNumber } from './parse.js';
import type { ColumnMap, CsvField } from './csv-map.js';
import type { CsvRow } from './csv-read.js';
import { isBlankCell, parseCsvAmount, parsePaidAmount, readPaidCell, type DateReader, type DecimalMark } from './csv-values.js';
import type { ClientRef, DateStr, InvoiceStatus } from './types.js';

export interface ImportOptions {
  dates: DateReader;
  decimal: DecimalMark;
  createClients: boolean;
  today: DateStr;
  /** The configured default currency and payment terms. */
  currency: string;
  termsDays: number;
}

/** An invoice crm already has under a number the file uses. */
export interface KnownInvoice {
  id: number;
  number: string;
  clientName: string;
  amount: number;
  currency: string;
  issuedOn: DateStr;
  dueOn: DateStr;
  paid: number;
  balance: number;
  status: InvoiceStatus;
  voidedOn: DateStr | null;
}

export interface ImportState {
  clients: readonly ClientRef[];
  /** The currency of each of a client's live invoices, the latest first (as `invoiceCurrenciesOf`). */
  clientCurrencies: ReadonlyMap<number, readonly string[]>;
  invoice(number: string): KnownInvoice | undefined;
}

export interface PlannedInvoice {
  line: number;
  number: string;
  /** An existing client's id, or the name key of a client this import creates. */
  client: { id: number } | { key: string };
  project: string | null;
  amount: number;
  currency: string;
  issuedOn: DateStr;
  dueOn: DateStr;
  payment: { amount: number; on: DateStr } | null;
}

export interface ImportPlan {
  invoices: PlannedInvoice[];
  /** Payments on invoices crm has, when the file says more was paid than crm knows. */
  payments: { line: number; invoiceId: number; number: string; amount: number; on: DateStr }[];
  /** Name key → name, for the clients to create. */
  newClients: Map<string, string>;
  existing: number;
  rejected: { line: number; reason: string }[];
}

type Cells = (field: CsvField) => string | undefined;

export function planImport(rows: readonly CsvRow[], cols: ColumnMap, opts: ImportOptions, state: ImportState): ImportPlan {
  const plan: ImportPlan = { invoices: [], payments: [], newClients: new Map(), existing: 0, rejected: [] };
  const byKey = new Map(state.clients.map((c) => [nameKey(c.name), c]));
  const seen = new Map<string, Seen>();
  for (const row of rows) {
    const cell: Cells = (f) => {
      const i = cols[f];
      return i === undefined || isBlankCell(row.cells[i]) ? undefined : row.cells[i]?.trim();
    };
    try {
      planRow(row.line, cell, { plan, opts, state, byKey, seen });
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      plan.rejected.push({ line: row.line, reason: e.message });
    }
  }
  return plan;
}

/** A number's first row: its line, and what it says once it was planned (undefined if refused). */
interface Seen {
  line: number;
  values?: string;
}

interface Scope {
  plan: ImportPlan;
  opts: ImportOptions;
  state: ImportState;
  byKey: Map<string, ClientRef>;
  seen: Map<string, Seen>;
}

const required = (cell: Cells, field: CsvField): string => {
  const v = cell(field);
  if (v === undefined) throw new UsageError(`${field} is empty`);
  return v;
};

function planRow(line: number, cell: Cells, { plan, opts, state, byKey, seen }: Scope): void {
  const number = validateNumber(required(cell, 'number'), 'number');
  const first = seen.get(number.toUpperCase());
  const repeated = (): UsageError => new UsageError(`number ${quote(number)} is on line ${first?.line} already${first?.values === undefined ? '' : ' with other values'}; a number is one invoice`);
  if (first === undefined) seen.set(number.toUpperCase(), { line });
  else if (first.values === undefined) throw repeated();
  const clientName = validateName(required(cell, 'client'), 'client');
  const key = nameKey(clientName);
  const issuedOn = opts.dates.read(required(cell, 'issued'), 'issued');
  if (issuedOn > opts.today) throw new UsageError(`issued ${issuedOn} is after today (${opts.today}); an invoice already sent cannot be dated later`);
  const known = state.invoice(number);
  const client = byKey.get(key);
  const given = cell('currency');
  const currency = given !== undefined ? parseCurrency(given, 'currency')
    : known?.currency ?? currencyOfClient(client, state, opts.currency);
  const amount = parseCsvAmount(required(cell, 'amount'), currency, opts.decimal);
  const dueText = cell('due');
  const dueOn = dueText !== undefined ? opts.dates.read(dueText, 'due') : addDays(issuedOn, opts.termsDays);
  if (dueOn < issuedOn) throw new UsageError(`due ${dueOn} is before issued ${issuedOn}`);
  const paid = paidOf(cell, amount, currency, issuedOn, opts);
  // Tools that export one row per line item (Xero, FreshBooks) repeat the invoice's number, client,
  // total and dates on each: a row saying the same again is the same invoice, not a new one.
  const values = JSON.stringify([key, currency, amount, issuedOn, dueOn, paid.amount, paid.on]);
  if (first !== undefined) {
    if (first.values === values) return;
    throw repeated();
  }
  const done = (): void => void seen.set(number.toUpperCase(), { line, values });

  if (known) {
    const differs = [
      nameKey(known.clientName) !== key && `client (${quote(known.clientName)} in crm)`,
      known.currency !== currency && `currency (${known.currency} in crm)`,
      known.currency === currency && known.amount !== amount && `amount (${formatMoney(known.amount, currency)} in crm)`,
      known.issuedOn !== issuedOn && `issue date (${known.issuedOn} in crm)`,
      dueText !== undefined && known.dueOn !== dueOn && `due date (${known.dueOn} in crm)`,
    ].filter((d) => d !== false);
    if (known.voidedOn !== null) throw new UsageError(`invoice ${quote(number)} is in crm but was voided on ${known.voidedOn}; unvoid it or renumber the row`);
    if (differs.length > 0) throw new UsageError(`invoice ${quote(number)} is already in crm with a different ${differs.join(', ')}`);
    const more = paid.amount - known.paid;
    if (more > 0) {
      if (paid.on === null) throw noDate(paid.amount, currency);
      if (known.status === 'written-off') throw new UsageError(`invoice ${quote(number)} was written off in crm; the payment here cannot be added`);
      if (more > known.balance) throw new UsageError(`paid ${formatMoney(paid.amount, currency)} is more than crm can take on ${number} (balance ${formatMoney(known.balance, currency)})`);
      plan.payments.push({ line, invoiceId: known.id, number: known.number, amount: more, on: paid.on });
    }
    plan.existing += 1;
    return done();
  }
  if (!client && !opts.createClients) throw new UsageError(`client ${quote(clientName)} is not in crm; add it first, or use --create-clients`);
  if (paid.amount > 0 && paid.on === null) throw noDate(paid.amount, currency);
  if (!client) plan.newClients.set(key, plan.newClients.get(key) ?? clientName);
  plan.invoices.push({
    line, number, client: client ? { id: client.id } : { key }, project: cell('project') ?? null,
    amount, currency, issuedOn, dueOn, payment: paid.amount > 0 && paid.on !== null ? { amount: paid.amount, on: paid.on } : null,
  });
  done();
}

const noDate = (amount: number, currency: string): UsageError =>
  new UsageError(`paid ${formatMoney(amount, currency)} but no payment date: map paidOn=<column> (or put the date in the paid column)`);

/** A client's own currency when all their invoices are in one; else (none, or several) the configured default. */
function currencyOfClient(client: ClientRef | undefined, state: ImportState, fallback: string): string {
  const own = client ? ownCurrency(state.clientCurrencies.get(client.id) ?? []) : undefined;
  return own?.seen.length === 1 ? own.currency : fallback;
}

/** How much the row says was paid, and when. */
function paidOf(cell: Cells, amount: number, currency: string, issuedOn: DateStr, opts: ImportOptions): { amount: number; on: DateStr | null } {
  const onText = cell('paidOn');
  let on = onText === undefined ? null : opts.dates.read(onText, 'paidOn');
  const paidText = cell('paid');
  let paid = 0;
  if (paidText === undefined) {
    // No paid column, or it is blank: a payment date alone means paid in full that day.
    paid = on !== null ? amount : 0;
  } else {
    const c = readPaidCell(paidText, opts.dates);
    if (c.kind === 'full') {
      paid = amount;
      on = c.on ?? on;
    } else if (c.kind === 'amount') {
      paid = parsePaidAmount(c.text, currency, opts.decimal);
    }
  }
  if (paid > amount) throw new UsageError(`paid ${formatMoney(paid, currency)} is more than the invoice (${formatMoney(amount, currency)})`);
  if (paid > 0 && on !== null) {
    if (on > opts.today) throw new UsageError(`payment date ${on} is after today (${opts.today}); a payment cannot be dated later`);
    if (on < issuedOn) throw new UsageError(`payment date ${on} is before issued ${issuedOn}`);
  }
  return { amount: paid, on: paid > 0 ? on : null };
}
