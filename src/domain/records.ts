// The records crm keeps, as the rest of the program sees them. src/db maps rows to these types,
// src/render reads them; neither owns them. Pure types only.
import type { ClientValues } from './client-input.js';
import type {
  Channel, ClientStatus, DateStr, Direction, DisputeOutcome, IncidentKind, InstantStr, InvoiceStatus, Money, Mood, NextOwner,
  ReminderKind, Severity,
} from './types.js';

/** What `client add` / `client edit` store, validated by domain/client-input.ts. */
export type ClientFields = ClientValues;

export interface Client extends Omit<ClientFields, 'nameKey'> {
  id: number;
  status: ClientStatus;
  statusReason: string | null;
  statusOn: DateStr | null;
  createdOn: DateStr;
  revision: number;
}

/** One change of a client's status, kept as history. */
export interface StatusChange {
  status: ClientStatus;
  on: DateStr;
  reason: string | null;
}

/** The counters `client show` prints under a client. */
export interface ClientActivity {
  lastContactAt: InstantStr | null;
  interactions: number;
  openReminders: number;
}

export interface Interaction {
  id: number;
  clientId: number;
  at: InstantStr;
  channel: Channel | null;
  direction: Direction;
  summary: string | null;
  mood: Mood | null;
  nextStep: string | null;
  nextOwner: NextOwner | null;
  followUpOn: DateStr | null;
  recordedAt: InstantStr;
}

export interface ChangeRequest {
  id: number;
  clientId: number;
  interactionId: number | null;
  summary: string;
  project: string | null;
  on: DateStr;
  hours: number | null;
  unbilled: boolean;
}

export interface Incident {
  id: number;
  clientId: number;
  interactionId: number | null;
  kind: IncidentKind;
  at: InstantStr;
  severity: Severity;
  note: string | null;
  warned: boolean;
}

export interface Referral {
  id: number;
  clientId: number;
  interactionId: number | null;
  on: DateStr;
  note: string | null;
  /** The client this referral brought in, when known (`referral add --referred`). */
  referredClientId: number | null;
}

export interface Delivery {
  id: number;
  clientId: number;
  project: string | null;
  on: DateStr;
}

/** An invoice with what was paid and conceded on it; balance and status are derived, never stored. */
export interface Invoice {
  id: number;
  number: string;
  clientId: number;
  clientName: string;
  project: string | null;
  amount: number;
  currency: string;
  issuedOn: DateStr;
  dueOn: DateStr;
  paid: number;
  conceded: number;
  balance: number;
  status: InvoiceStatus;
  /** The open dispute, if any. */
  disputeId: number | null;
  /** Set when the invoice was voided (crm void): it counts nowhere. */
  voidedOn: DateStr | null;
}

/** A payment on an invoice. */
export interface Payment {
  id: number;
  amount: Money;
  paidOn: DateStr;
}

/** A dispute over an invoice (by its number); open while `resolvedOn` is null. */
export interface Dispute {
  id: number;
  invoice: string;
  reason: string;
  openedOn: DateStr;
  outcome: DisputeOutcome | null;
  conceded: Money | null;
  resolvedOn: DateStr | null;
}

export interface NewInvoice {
  number: string;
  clientId: number;
  project: string | null;
  amount: number;
  currency: string;
  issuedOn: DateStr;
  dueOn: DateStr;
}

export interface Reminder {
  id: number;
  clientId: number;
  clientName: string;
  interactionId: number | null;
  deliveryId: number | null;
  on: DateStr;
  kind: ReminderKind;
  text: string;
  doneOn: DateStr | null;
  snoozedFrom: DateStr | null;
  /** Set when the reminder was voided (crm void). */
  voidedOn: DateStr | null;
}

export type NewReminder = Pick<Reminder, 'clientId' | 'on' | 'kind' | 'text'> &
  Partial<Pick<Reminder, 'interactionId' | 'deliveryId'>>;
