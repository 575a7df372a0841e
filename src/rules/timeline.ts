// One client's facts laid out once for judging at many dates (review --all judges each client at
// 12): every list sorted the way buildContext needs it, so the records known on a day are a prefix
// found by binary search instead of a filter over every record. Pure; remembered per list (facts
// are never mutated once loaded), per time zone where local dates matter.
import type { DateStr } from '../domain/types.js';
import type { ChangeFact, DeliveryFact, IncidentFact, InteractionFact, InvoiceFact, ReferralFact } from './facts.js';
import { localParts, type LocalParts } from '../domain/dates.js';

export type KnownIncident = IncidentFact & { on: DateStr; local: LocalParts };
export type KnownInteraction = InteractionFact & { local: LocalParts };

/** A list in judging order, and whether its dates never go down in that order (then prefixes work). */
export interface Sorted<T> { items: T[]; dateOf: (x: T) => DateStr; monotone: boolean }

const memo = new WeakMap<object, Map<string, unknown>>();
function remember<T>(owner: object, key: string, make: () => T): T {
  let perKey = memo.get(owner);
  if (!perKey) memo.set(owner, (perKey = new Map<string, unknown>()));
  let value = perKey.get(key) as T | undefined;
  if (value === undefined) perKey.set(key, (value = make()));
  return value;
}

export const byDateThenId = <T extends { id: number }>(key: (x: T) => string) => (a: T, b: T): number =>
  key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id;

function sorted<T>(items: T[], dateOf: (x: T) => DateStr): Sorted<T> {
  let monotone = true;
  for (let k = 1; k < items.length && monotone; k++) monotone = dateOf(items[k - 1] as T) <= dateOf(items[k] as T);
  return { items, dateOf, monotone };
}

/** The items dated on or before `asOf`, in order: a prefix when dates are monotone, else a filter. */
export function upTo<T>(s: Sorted<T>, asOf: DateStr): T[] {
  if (!s.monotone) return s.items.filter((x) => s.dateOf(x) <= asOf);
  let lo = 0;
  let hi = s.items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s.dateOf(s.items[mid] as T) <= asOf) lo = mid + 1;
    else hi = mid;
  }
  return s.items.slice(0, lo);
}

/** The earliest date in a list `upTo` returned (first item when monotone), or undefined when empty. */
export function earliest<T>(s: Sorted<T>, known: T[]): DateStr | undefined {
  if (known.length === 0) return undefined;
  if (s.monotone) return s.dateOf(known[0] as T);
  let min = s.dateOf(known[0] as T);
  for (const x of known) if (s.dateOf(x) < min) min = s.dateOf(x);
  return min;
}

/** In time order, then by id: each instant parsed once, not at every comparison of the sort. */
function byInstant<T extends { id: number; at: string }>(xs: T[]): T[] {
  const keyed = xs.map((x) => ({ x, t: Date.parse(x.at) }));
  keyed.sort((a, b) => a.t - b.t || a.x.id - b.x.id);
  return keyed.map((k) => k.x);
}

export const invoicesByIssue = (xs: InvoiceFact[]): Sorted<InvoiceFact> =>
  remember(xs, 'issued', () => sorted([...xs].sort(byDateThenId((i) => i.issuedOn)), (i) => i.issuedOn));

export const incidentsIn = (xs: IncidentFact[], zone: string): Sorted<KnownIncident> =>
  remember(xs, `zone ${zone}`, () => sorted(byInstant(xs.map((x) => {
    const local = localParts(x.at, zone);
    return { ...x, local, on: local.date };
  })), (i) => i.on));

export const interactionsIn = (xs: InteractionFact[], zone: string): Sorted<KnownInteraction> =>
  remember(xs, `zone ${zone}`, () => sorted(byInstant(xs.map((x) => ({ ...x, local: localParts(x.at, zone) }))), (i) => i.local.date));

type Dated = ChangeFact | ReferralFact | DeliveryFact;
export const byDay = <T extends Dated>(xs: T[]): Sorted<T> =>
  remember(xs, 'on', () => sorted([...xs].sort(byDateThenId((x) => x.on)), (x) => x.on));
