// Recording one conversation and everything noted during it (a client added on the spot, incidents,
// change requests, disputes, referrals, a follow-up) as one unit of work: all of it is written, or none.
// Validation of user input happens before; here only what can change between asking and writing is re-checked.
import type { DB } from './store.js';
import { findByNameKey, insertClient } from './clients.js';
import { insertChange, insertIncident, insertInteraction, insertReferral } from './events.js';
import { getInvoice, insertDispute } from './invoices.js';
import type { Invoice } from '../domain/records.js';
import { insertReminder } from './reminders.js';
import { UsageError, quote } from '../domain/errors.js';
import type { LogPlan, LogResult } from '../domain/log-plan.js';

function createClient(db: DB, c: NonNullable<LogPlan['newClient']>): number {
  // Someone may have added the same name while the wizard was waiting for answers.
  const other = findByNameKey(db, c.fields.nameKey);
  if (other) throw new UsageError(`a client named ${quote(other.name)} already exists (#${other.id}); nothing was written`);
  return insertClient(db, c.fields, c.createdOn).id;
}

function assertNotDisputed(db: DB, invoiceId: number): void {
  // The same check `crm invoice dispute` makes; a dispute may have been opened since the question.
  const open = db.prepare('SELECT 1 FROM live_disputes WHERE invoice_id = ? AND resolved_on IS NULL').get(invoiceId);
  if (open) throw new UsageError('that invoice is already disputed; resolve that first (nothing was written)');
}

/** Write the plan. Call inside Store.write so it is one transaction. */
export function recordLog(db: DB, plan: LogPlan): LogResult {
  const clientId = plan.newClient ? createClient(db, plan.newClient) : plan.clientId;
  const interaction = insertInteraction(db, { clientId, ...plan.interaction });
  const interactionId = interaction.id;
  return {
    clientId,
    interaction,
    reminder: plan.followUp
      ? insertReminder(db, { clientId, interactionId, on: plan.followUp.on, kind: 'follow-up', text: plan.followUp.text })
      : null,
    incidents: plan.incidents.map((i) => insertIncident(db, { clientId, interactionId, ...i })),
    changes: plan.changes.map((c) => insertChange(db, { clientId, interactionId, ...c })),
    disputes: plan.disputes.map((d) => {
      assertNotDisputed(db, d.invoiceId);
      const id = insertDispute(db, d.invoiceId, d.reason, d.on);
      const invoice = (getInvoice(db, d.invoiceId) as Invoice).number;
      return { id, invoice, reason: d.reason, openedOn: d.on, outcome: null, conceded: null, resolvedOn: null };
    }),
    referrals: plan.referrals.map((r) => insertReferral(db, { clientId, interactionId, ...r })),
  };
}
