// Recording one conversation and everything noted during it (a client added on the spot, incidents,
// change requests, disputes, referrals, a follow-up) as one unit of work: all of it is written, or none.
// Validation of user input happens before; here only what can change between asking and writing is re-checked.
import type { DB } from './store.js';
import { findByNameKey, insertClient, type ClientFields } from './clients.js';
import {
  insertChange, insertIncident, insertInteraction, insertReferral,
  type ChangeRequest, type Incident, type Interaction, type Referral,
} from './events.js';
import { insertDispute } from './invoices.js';
import { insertReminder, type Reminder } from './reminders.js';
import { UsageError, quote } from '../domain/errors.js';
import type { DateStr } from '../domain/types.js';

export interface LogPlan {
  /** The client talked to; ignored when `newClient` is set. */
  clientId: number;
  /** A client first met in this conversation (the wizard's "add a new client"), created in the same transaction. */
  newClient?: { fields: ClientFields; createdOn: DateStr } | undefined;
  interaction: Omit<Interaction, 'id' | 'clientId'>;
  /** A reminder to create, linked to the interaction. */
  followUp: { on: DateStr; text: string } | null;
  incidents: Omit<Incident, 'id' | 'clientId' | 'interactionId'>[];
  changes: Omit<ChangeRequest, 'id' | 'clientId' | 'interactionId'>[];
  disputes: { invoiceId: number; reason: string; on: DateStr }[];
  referrals: Omit<Referral, 'id' | 'clientId' | 'interactionId'>[];
}

export interface LogResult {
  clientId: number;
  interaction: Interaction;
  reminder: Reminder | null;
  incidents: Incident[];
  changes: ChangeRequest[];
  disputeIds: number[];
  referrals: Referral[];
}

function createClient(db: DB, c: NonNullable<LogPlan['newClient']>): number {
  // Someone may have added the same name while the wizard was waiting for answers.
  const other = findByNameKey(db, c.fields.nameKey);
  if (other) throw new UsageError(`a client named ${quote(other.name)} already exists (#${other.id}); nothing was written`);
  return insertClient(db, c.fields, c.createdOn).id;
}

function assertNotDisputed(db: DB, invoiceId: number): void {
  // The same check `crm invoice dispute` makes; a dispute may have been opened since the question.
  const open = db.prepare('SELECT 1 FROM disputes WHERE invoice_id = ? AND resolved_on IS NULL').get(invoiceId);
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
    disputeIds: plan.disputes.map((d) => {
      assertNotDisputed(db, d.invoiceId);
      return insertDispute(db, d.invoiceId, d.reason, d.on);
    }),
    referrals: plan.referrals.map((r) => insertReferral(db, { clientId, interactionId, ...r })),
  };
}
