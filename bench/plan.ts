// What the generator decides about one client before writing it, and the day arithmetic it uses
// (days since 1970-01-01, UTC; pure, no clock).
import type { Rng } from './prng.js';

export const KNOWN = {
  /** The fixed "today" of every generated database: run crm with CRM_NOW set to it. */
  now: '2026-11-22',
  /** A client present at every scale and seed, with a long, busy history. */
  client: 'Zoë Lefèvre Design',
  /** A word that appears in a share of interaction summaries. */
  search: 'roadmap',
} as const;

const MS_PER_DAY = 86_400_000;
export const dayNumber = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY);
export const day = (n: number): string => new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
/** An instant on day `n`, `minutes` after midnight UTC. */
export const instant = (n: number, minutes: number): string => new Date(n * MS_PER_DAY + minutes * 60_000).toISOString();

export const NOW_DAY = dayNumber(KNOWN.now);
/** The decade the data covers starts the day after ten years before today. */
export const DAY0 = dayNumber('2016-11-23');

export type Payer = 'prompt' | 'late' | 'bad';

export interface Profile {
  name: string;
  /** First and last day of the relationship (last = today for active clients). */
  start: number;
  end: number;
  status: 'active' | 'archived' | 'fired';
  payer: Payer;
  currency: 'EUR' | 'USD' | 'GBP';
  /** How much happens with this client, relative to the others. */
  weight: number;
  /** An archived client taken back later. */
  comeback: boolean;
}

export interface Plan {
  profile: Profile;
  clientId: number;
  r: Rng;
  /** Every client's id and first day, in insertion order (by first day): referrals point at them. */
  ids: readonly number[];
  starts: readonly number[];
  n: { interactions: number; invoices: number; changes: number; incidents: number; deliveries: number; reminders: number; referrals: number };
  nextInvoiceNumber(): string;
}

/** `n` days in [from, to], sorted. */
export function sortedDays(r: Rng, n: number, from: number, to: number): number[] {
  const hi = Math.max(from, to);
  return Array.from({ length: n }, () => r.int(from, hi)).sort((a, b) => a - b);
}
