// Rule weights, thresholds, grace days and windows: defaults in code, validated with zod.
// Owns the *shape* of the rules' tuning knobs only; reading config.json is the config module's job.
import * as z from 'zod';

const weight = (d: number) => z.number().min(0).max(1000).default(d);
const days = (d: number) => z.number().int().min(0).max(36500).default(d);
const count = (d: number) => z.number().int().min(0).max(1000).default(d);
const share = (d: number) => z.number().min(0).max(1).default(d);
// zod 4: `.prefault({})` parses the empty object so nested defaults apply; `.default()` would not.
// (`{} as never`: TypeScript cannot see that an all-defaults object accepts `{}` for a generic shape.)
const group = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict().prefault({} as never);

export const RulesConfigSchema = z
  .object({
    /** Score at or above `watch` → watch; at or above `fire` → fire. The verdict is read from the score. */
    thresholds: group({
      watch: z.number().int().min(0).max(100).default(25),
      fire: z.number().int().min(0).max(100).default(60),
    }),
    /** Most points one warning sign can give on its own (below `fire`, so one sign alone cannot fire by points). */
    signCap: weight(40),
    /** Most points all good signs together can take off. */
    reliefCap: weight(30),
    /** An event counts in full for this many days, then half as much for as long again, then a quarter… (in steps). */
    halfLifeDays: z.number().int().min(1).max(36500).default(365),
    /** Warning and good signs ignore events older than this (dealbreakers never expire). */
    windowDays: days(1095),
    /** Points per dealbreaker event (physical abuse, dishonesty, legal risk, repeated verbal abuse); at most 100 per rule. */
    dealbreakerWeight: weight(100),
    /** Multiplier on an incident's weight by its recorded severity. */
    severityFactor: group({ low: weight(0.5), medium: weight(1), high: weight(1.5) }),
    /** Fewer invoices than this AND fewer days as a client than this → the card says there is little to go on. */
    lowConfidence: group({ minInvoices: count(3), minDays: days(90) }),
    /** A balance this small is a residual (bank fees, rounding), not lateness: a share of the invoice or an amount in its currency. */
    residual: group({ share: share(0.02), amount: weight(50) }),
    latePayment: group({
      weight: weight(40),
      graceDays: days(7),
      minLate: count(2),
      minShare: share(0.3),
      windowDays: days(730),
      maxDaysLate: z.number().int().min(1).max(3650).default(90),
      /** The latest this many settled invoices all late: an emerging pattern, whatever came before. */
      streak: z.number().int().min(2).max(100).default(3),
      /** Fires on its own when at least this many late invoices… */
      fireMinLate: count(4),
      /** …make up at least this share of the settled ones… */
      fireShare: share(0.5),
      /** …spread over at least this many days, the latest settled invoice late. */
      fireSpanDays: days(180),
    }),
    overdueBalance: group({ weight: weight(15), graceDays: days(0) }),
    invoiceDisputes: group({
      weight: weight(14),
      minDisputes: count(2),
      /** A dispute still open this many days is shown (and advised on) even when it is the only one. */
      staleDays: days(30),
      /** Giving up at least this share of one invoice (conceded or written off) fires on its own. */
      fireGivenUp: share(0.1),
    }),
    scopeChurn: group({
      /** Points per unbilled change request. */
      weight: weight(7),
      /** Points per billed change request: paid work, so none by default. */
      billedWeight: weight(0),
      minChanges: count(3),
      windowDays: days(365),
      /** Your cut-off: this many unbilled changes in `windowDays` fires on its own. */
      fireUnbilled: count(6),
    }),
    verbalAbuse: group({ weight: weight(30) }),
    unreasonableDemands: group({ weight: weight(26), afterHoursFactor: weight(0.34), afterHoursCap: weight(1) }),
    ignoredAdvice: group({ weight: weight(15), minIncidents: count(1) }),
    competitorLeverage: group({ weight: weight(28), minIncidents: count(1) }),
    missedCommitments: group({ weight: weight(16), minIncidents: count(1) }),
    onTimePayer: group({ weight: weight(15), minInvoices: count(3), minShare: share(0.8) }),
    referrals: group({ weight: weight(8), maxCount: weight(3) }),
    longRelationship: group({ weight: weight(4), minMonths: count(12), minActiveMonths: count(4), maxYears: weight(3) }),
    /** A share of your income at or above this is called out in the advice. */
    incomeConcentration: group({ notableShare: share(0.25) }),
  })
  .strict();

export type RulesConfig = z.infer<typeof RulesConfigSchema>;
export const defaultRulesConfig = (): RulesConfig => RulesConfigSchema.parse({});

/** Reads a dotted key such as `latePayment.graceDays` (used by the catalogue to show current values). */
export function configValue(config: RulesConfig, key: string): unknown {
  let node: unknown = config;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}
