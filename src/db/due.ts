// The rows `crm due` needs, read in three queries. Decides nothing about what is due (that is
// domain/due.ts); it only narrows the rows to what could possibly be listed by the horizon.
import type { DB } from './store.js';
import { listInvoices } from './invoices.js';
import type { DueInput } from '../domain/due.js';
import { addDays, localDate } from '../domain/dates.js';
import type { DateStr, InstantStr, ReminderKind } from '../domain/types.js';

/**
 * Who is in scope: check-ins for active clients only; overdue invoices and open reminders for every
 * client, archived and fired included — money owed is still owed, and a promise is still a promise.
 */
export function readDueInput(db: DB, { today, within, zone }: { today: DateStr; within: number; zone: string }): DueInput {
  // One read transaction: the three queries see one snapshot, even when another crm commits
  // between them (WAL allows that), so the lists never disagree about the same moment.
  return db.transaction(() => readRows(db, addDays(today, within), zone))();
}

function readRows(db: DB, horizon: DateStr, zone: string): DueInput {
  const clientRows = db
    .prepare(
      `SELECT c.id, c.name, c.cadence_days AS cadenceDays, c.created_on AS createdOn,
              (SELECT max(i.at) FROM live_interactions i WHERE i.client_id = c.id) AS lastContactAt
       FROM clients c WHERE c.status = 'active'`,
    )
    .all() as { id: number; name: string; cadenceDays: number; createdOn: DateStr; lastContactAt: InstantStr | null }[];
  // Instants are stored in UTC; the check-in counts from the calendar day it was where the user
  // lives (a call at 23:30 local on the 12th is the 12th, even when UTC says the 13th).
  const clients = clientRows.map(({ lastContactAt, ...c }) => ({
    ...c,
    lastContact: lastContactAt === null ? null : localDate(lastContactAt, zone),
  }));

  // The same balance arithmetic as `invoice list --overdue`: due_on < today + within, balance > 0.
  const invoices = listInvoices(db, { overdueBefore: horizon }).map((inv) => ({
    clientId: inv.clientId,
    clientName: inv.clientName,
    number: inv.number,
    balance: inv.balance,
    currency: inv.currency,
    dueOn: inv.dueOn,
  }));

  const reminders = db
    .prepare(
      `SELECT r.id, r.client_id AS clientId, c.name AS clientName, r.on_date AS "on", r.kind, r.text
       FROM live_reminders r JOIN clients c ON c.id = r.client_id
       WHERE r.done_on IS NULL AND r.on_date <= ?`,
    )
    .all(horizon) as { id: number; clientId: number; clientName: string; on: DateStr; kind: ReminderKind; text: string }[];

  return { clients, invoices, reminders };
}
