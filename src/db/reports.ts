// The rows `crm report` needs. Reads only, decides nothing: bucketing and summing are in
// src/domain/aging.ts and src/domain/report-income.ts.
import type { DB } from './store.js';
import { listInvoices } from './invoices.js';
import type { AgingInvoiceRow } from '../domain/aging.js';
import type { IncomePaymentRow } from '../domain/report-income.js';
import type { DateStr } from '../domain/types.js';

/**
 * Every live invoice with a balance, for every client (archived and fired too: they still owe), with
 * the same balance arithmetic as `invoice list --open` and `crm due`: amount − payments − conceded.
 */
export function readReceivables(db: DB): AgingInvoiceRow[] {
  return listInvoices(db, { open: true }).map((i) => ({
    clientId: i.clientId, clientName: i.clientName, number: i.number, balance: i.balance, currency: i.currency,
    dueOn: i.dueOn, status: i.status,
  }));
}

/**
 * Live payments on live invoices dated from `from` to `to` (both included), for every client: the
 * same money as review's income share (src/db/facts.ts portfolioIncome), here with the client.
 */
export function readPayments(db: DB, from: DateStr, to: DateStr): IncomePaymentRow[] {
  return db.prepare(
    `SELECT i.client_id AS clientId, c.name AS clientName, i.currency, p.paid_on AS "on", p.amount
     FROM live_payments p JOIN invoices i ON i.id = p.invoice_id JOIN clients c ON c.id = i.client_id
     WHERE p.paid_on BETWEEN ? AND ? ORDER BY p.paid_on, p.id`,
  ).all(from, to) as IncomePaymentRow[];
}
