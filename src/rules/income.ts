// Sums of payments per currency between two dates, from an IncomeFact list. Pure; memoised on the
// list itself, because review --all asks every client at every trend point about the same portfolio.
import type { DateStr, Money } from '../domain/types.js';
import type { IncomeFact } from './facts.js';

interface Series { days: DateStr[]; prefix: number[] }
const indexes = new WeakMap<IncomeFact[], Map<string, Series>>();

function indexOf(xs: IncomeFact[]): Map<string, Series> {
  let index = indexes.get(xs);
  if (index) return index;
  index = new Map();
  const sorted = [...xs].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  for (const x of sorted) {
    const s = index.get(x.currency) ?? { days: [], prefix: [0] };
    s.days.push(x.on);
    s.prefix.push((s.prefix[s.prefix.length - 1] ?? 0) + x.amount);
    index.set(x.currency, s);
  }
  indexes.set(xs, index);
  return index;
}

/** First position whose day is > day (after = true) or ≥ day (after = false). */
function bound(days: DateStr[], day: DateStr, after: boolean): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const d = days[mid] as DateStr;
    if (d < day || (after && d === day)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Payments dated from `from` to `to` (both included), summed per currency; currencies never mix. */
export function incomeBetween(xs: IncomeFact[], from: DateStr, to: DateStr): Money[] {
  const out: Money[] = [];
  for (const [currency, s] of indexOf(xs)) {
    const amount = (s.prefix[bound(s.days, to, true)] ?? 0) - (s.prefix[bound(s.days, from, false)] ?? 0);
    if (amount > 0) out.push({ amount, currency });
  }
  return out.sort((a, b) => a.currency.localeCompare(b.currency));
}
