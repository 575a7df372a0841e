// What `crm undo` and `crm redo` find and do, as the rest of the program sees it: the journal entry
// reverted, each row it touches, and what that means for invoices and clients. Pure types; the SQL is
// in src/db/undo.ts, the wording in src/render/undo.ts.
import type { InvoiceStatus } from './types.js';

export interface Entry {
  id: number;
  /** The command line as typed, e.g. `crm invoice pay INV-0007 --amount 500`. */
  command: string;
  /** ISO 8601 UTC. */
  at: string;
  kind: 'command' | 'undo';
  reverts: number | null;
}

export type Action = 'removed' | 'restored' | 'brought back';

/** One row the reversal changes, as a person reads it. */
export interface Reverted {
  action: Action;
  table: string;
  id: number;
  /** The record's reference (payment:31, invoice:INV-0007); null for clients, status changes, audit notes. */
  ref: string | null;
  /** What to call it: the reference, `client Acme Corp`, `status change to fired`, `audit note (void of payment:31)`. */
  what: string;
  /** For `restored`: the columns that go back to their previous values. */
  fields: string[];
}

/** What the reversal means, when it is cheap to say. */
export type Effect =
  | { kind: 'invoice'; number: string; balance: number; currency: string; status: InvoiceStatus; voided: boolean }
  | { kind: 'client'; name: string; status: string };

/** Why there is nothing to undo: never anything, everything in the journal undone, or older ones trimmed. */
export type Nothing = 'empty' | 'all-undone' | 'trimmed';

export type Outcome =
  | { done: true; entry: Entry; changes: Reverted[]; effects: Effect[] }
  | { done: false; why: Nothing | 'no-undo' };
