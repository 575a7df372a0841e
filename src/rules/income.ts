// Sums of payments per currency between two dates, from an IncomeFact list. Pure; memoised on the
// list itself, because review --all asks every client at every trend point about the same portfolio.
import type { DateStr, Money } from '../domain/types.js';
import type { IncomeFact } from './facts.js';
import type { RuleContext } from './context.js';
import { exponentOf } from '../domain/currencies.js';
import { incomeYear } from '../domain/income-year.js';

/**
 * The days of income the rules read when judging on each of `dates` (each one's income year): the
 * portfolio income outside them changes no verdict, so the loader reads only these.
 */
export function incomeRange(dates: DateStr[]): { from: DateStr; to: DateStr } {
  const sorted = [...dates].sort();
  return { from: incomeYear(sorted[0] as DateStr).from, to: sorted[sorted.length - 1] as DateStr };
}

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

/** The last 12 months of income as the rules and the card see it: this client's share per currency, and combined. */
export interface IncomeView {
  /** Per currency the client paid in: its payments, everyone's, and the share. */
  shares: { client: Money; total: Money; share: number }[];
  /** Every currency anyone paid you in over those months. */
  currencies: string[];
  /** One share with `rates` for every currency you were paid in (minor units converted first); else null. */
  combined: number | null;
}

// Everyone's income over a year is the same for every client judged that day: review --all asks it
// of each client at 12 dates, so it is summed once per list and dates (read only, never handed out).
const totalsMemo = new WeakMap<IncomeFact[], Map<string, Money[]>>();
function portfolioTotals(xs: IncomeFact[], from: DateStr, to: DateStr): Money[] {
  let perDates = totalsMemo.get(xs);
  if (!perDates) totalsMemo.set(xs, (perDates = new Map<string, Money[]>()));
  const key = `${from} ${to}`;
  let totals = perDates.get(key);
  if (!totals) perDates.set(key, (totals = incomeBetween(xs, from, to)));
  return totals;
}

export function incomeView(ctx: Pick<RuleContext, 'clientIncome' | 'portfolioIncome' | 'yearStart' | 'asOf' | 'rates'>): IncomeView {
  const { rates } = ctx;
  const totals = portfolioTotals(ctx.portfolioIncome, ctx.yearStart, ctx.asOf);
  const all = new Map(totals.map((m) => [m.currency, m.amount]));
  const shares = incomeBetween(ctx.clientIncome, ctx.yearStart, ctx.asOf).map((client) => {
    const total = Math.max(all.get(client.currency) ?? 0, client.amount); // never above 100%, even on odd data
    return { client, total: { amount: total, currency: client.currency }, share: client.amount / total };
  });
  const currencies = totals.map((m) => m.currency);
  const value = (m: Money) => (m.amount / Math.pow(10, exponentOf(m.currency))) * (rates[m.currency] ?? 0);
  const convertible = currencies.length > 0 && currencies.every((c) => rates[c] !== undefined);
  const total = convertible ? totals.reduce((a, m) => a + value(m), 0) : 0;
  const combined = convertible && total > 0 ? Math.min(1, shares.reduce((a, x) => a + value(x.client), 0) / total) : null;
  return { shares, currencies, combined };
}
