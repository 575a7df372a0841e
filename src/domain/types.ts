// The vocabulary every layer shares: enum values, Money, ClientRef, date string types. The records
// themselves are in records.ts. Pure types and constants only.

export const CHANNELS = ['email', 'phone', 'video', 'in-person', 'chat'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DIRECTIONS = ['in', 'out'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const MOODS = ['positive', 'neutral', 'negative'] as const;
export type Mood = (typeof MOODS)[number];

/** Who owns the agreed next step of a conversation. */
export const NEXT_OWNERS = ['me', 'client', 'both'] as const;
export type NextOwner = (typeof NEXT_OWNERS)[number];

export const CLIENT_STATUSES = ['active', 'archived', 'fired'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

export const INCIDENT_KINDS = [
  'physical-abuse',
  'verbal-abuse',
  'dishonesty',
  'unreasonable-demand',
  'ignored-advice',
  'competitor-leverage',
  'legal-risk',
  'missed-deadline',
  'other',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const REMINDER_KINDS = ['follow-up', 'personal', 'feedback'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const DISPUTE_OUTCOMES = ['upheld', 'discounted', 'written-off'] as const;
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];

export const INVOICE_STATUSES = ['open', 'paid', 'disputed', 'written-off'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** A calendar date, `YYYY-MM-DD`. */
export type DateStr = string;
/** An instant, ISO 8601 in UTC: `2026-11-22T09:30:00.000Z`. */
export type InstantStr = string;

/** Money is integer minor units of one ISO 4217 currency. Never a float. */
export interface Money {
  amount: number;
  currency: string;
}

export interface ClientRef {
  id: number;
  name: string;
}
