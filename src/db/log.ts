// Recording one conversation and everything noted during it (incidents, change requests, disputes,
// referrals, a follow-up) as one unit of work: all of it is written, or none.
import type { DB } from './store.js';
import {
  insertChange, insertIncident, insertInteraction, insertReferral,
  type ChangeRequest, type Incident, type Interaction, type Referral,
} from './events.js';
import { insertDispute } from './invoices.js';
import { insertReminder, type Reminder } from './reminders.js';
import type { DateStr } from '../domain/types.js';

export interface LogPlan {
  clientId: number;
  interaction: Omit<Interaction, 'id' | 'clientId'>;
  /** A reminder to create, linked to the interaction. */
  followUp: { on: DateStr; text: string } | null;
  incidents: Omit<Incident, 'id' | 'clientId' | 'interactionId'>[];
  changes: Omit<ChangeRequest, 'id' | 'clientId' | 'interactionId'>[];
  disputes: { invoiceId: number; reason: string; on: DateStr }[];
  referrals: Omit<Referral, 'id' | 'clientId' | 'interactionId'>[];
}

export interface LogResult {
  interaction: Interaction;
  reminder: Reminder | null;
  incidents: Incident[];
  changes: ChangeRequest[];
  disputeIds: number[];
  referrals: Referral[];
}

/** Write the plan. Call inside Store.write so it is one transaction. */
export function recordLog(db: DB, plan: LogPlan): LogResult {
  const clientId = plan.clientId;
  const interaction = insertInteraction(db, { clientId, ...plan.interaction });
  const interactionId = interaction.id;
  return {
    interaction,
    reminder: plan.followUp
      ? insertReminder(db, { clientId, interactionId, on: plan.followUp.on, kind: 'follow-up', text: plan.followUp.text })
      : null,
    incidents: plan.incidents.map((i) => insertIncident(db, { clientId, interactionId, ...i })),
    changes: plan.changes.map((c) => insertChange(db, { clientId, interactionId, ...c })),
    disputeIds: plan.disputes.map((d) => insertDispute(db, d.invoiceId, d.reason, d.on)),
    referrals: plan.referrals.map((r) => insertReferral(db, { clientId, interactionId, ...r })),
  };
}
