// The facts the rules judge: everything crm knows about one client, plus the portfolio-wide
// income needed for context. Built by src/db/facts.ts; read by the pure rules. No behaviour here.
import type {
  ClientStatus, DateStr, InstantStr, IncidentKind, Severity, Direction, Channel, Mood,
  DisputeOutcome,
} from '../domain/types.js';

export interface PaymentFact { id: number; on: DateStr; amount: number }

export interface DisputeFact {
  id: number;
  openedOn: DateStr;
  reason: string;
  resolvedOn: DateStr | null;
  outcome: DisputeOutcome | null;
  /** Minor units given up when the dispute was resolved (0 when upheld or open). */
  conceded: number;
}

export interface InvoiceFact {
  id: number;
  number: string;
  project: string | null;
  amount: number;          // minor units
  currency: string;
  issuedOn: DateStr;
  dueOn: DateStr;
  payments: PaymentFact[]; // every payment, any date; rules must ignore those after asOf
  disputes: DisputeFact[];
}

export interface InteractionFact {
  id: number;
  at: InstantStr;
  direction: Direction;
  channel: Channel | null;
  /** No rule reads it: the loader (src/db/facts.ts) leaves it out. */
  mood?: Mood | null;
}

export interface ChangeFact {
  id: number;
  on: DateStr;
  project: string | null;
  hours: number | null;
  unbilled: boolean;
}

export interface IncidentFact {
  id: number;
  kind: IncidentKind;
  at: InstantStr;
  severity: Severity;
  warned: boolean;
  note: string | null;
  /** The conversation it was recorded with (`crm log` wizard), if any: that contact counts once, as this incident. */
  interactionId: number | null;
}

export interface ReferralFact { id: number; on: DateStr; note: string | null }
export interface DeliveryFact { id: number; on: DateStr; project: string | null }

/** Sum of payments received from all clients on one day in one currency (for income share). */
export interface IncomeFact { on: DateStr; currency: string; amount: number }

export interface ClientFacts {
  client: { id: number; name: string; createdOn: DateStr; status: ClientStatus; statusOn?: DateStr | null; timezone: string | null };
  invoices: InvoiceFact[];
  interactions: InteractionFact[];
  changes: ChangeFact[];
  incidents: IncidentFact[];
  referrals: ReferralFact[];
  deliveries: DeliveryFact[];
  /** Payments from this client (same data as invoices[].payments, flattened with currency). */
  clientIncome: IncomeFact[];
  /** Payments from every client, all statuses, aggregated by day and currency. */
  portfolioIncome: IncomeFact[];
}
