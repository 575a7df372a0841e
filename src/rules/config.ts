// Rule weights, thresholds, grace days and windows: defaults in code, validated with zod.
// Owns the *shape* of the rules' tuning knobs only; reading config.json is the config module's job.
import { z } from 'zod';

const weight = (d: number) => z.number().min(0).max(1000).default(d);
const days = (d: number) => z.number().int().min(0).max(36500).default(d);
const count = (d: number) => z.number().int().min(0).max(1000).default(d);
const share = (d: number) => z.number().min(0).max(1).default(d);
// zod 4: `.prefault({})` parses the empty object so nested defaults apply; `.default()` would not.
// (`{} as never`: TypeScript cannot see that an all-defaults object accepts `{}` for a generic shape.)
const group = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict().prefault({} as never);

export const RulesConfigSchema = z
  .object({
    /** Score at or above `watch` → watch; at or above `fire` → fire (when no dealbreaker decides). */
    // Calibrated so one clear, recent warning sign reaches watch on its own, and fades below it within a year.
    thresholds: group({
      watch: z.number().int().min(0).max(100).default(25),
      fire: z.number().int().min(0).max(100).default(60),
    }),
    /** An event's weight halves every `halfLifeDays` days of age. */
    halfLifeDays: z.number().int().min(1).max(36500).default(365),
    /** Warning and positive rules ignore events older than this (dealbreakers never expire). */
    windowDays: days(1095),
    /** Points per dealbreaker event (physical abuse, dishonesty, legal risk, repeated verbal abuse). */
    dealbreakerWeight: weight(100),
    /** Multiplier on an incident's weight by its recorded severity. */
    severityFactor: group({ low: weight(0.5), medium: weight(1), high: weight(1.5) }),
    /** Fewer invoices than this AND fewer days as a client than this → low confidence. */
    lowConfidence: group({ minInvoices: count(3), minDays: days(90) }),
    latePayment: group({
      weight: weight(40),
      graceDays: days(7),
      minLate: count(2),
      minShare: share(0.3),
      windowDays: days(730),
      maxDaysLate: z.number().int().min(1).max(3650).default(90),
    }),
    overdueBalance: group({ weight: weight(15), graceDays: days(0), maxDays: days(180) }),
    invoiceDisputes: group({ weight: weight(14), minDisputes: count(2) }),
    scopeChurn: group({ weight: weight(4), minChanges: count(3), windowDays: days(365), unbilledFactor: weight(2) }),
    verbalAbuse: group({ weight: weight(30) }),
    unreasonableDemands: group({ weight: weight(26), afterHoursFactor: weight(0.34), minAfterHours: count(1) }),
    ignoredAdvice: group({ weight: weight(15), minIncidents: count(2) }),
    competitorLeverage: group({ weight: weight(28), minIncidents: count(1) }),
    missedCommitments: group({ weight: weight(16), minIncidents: count(1) }),
    onTimePayer: group({ weight: weight(15), minInvoices: count(3), minShare: share(0.8) }),
    referrals: group({ weight: weight(8), maxCount: weight(3) }),
    longRelationship: group({ weight: weight(4), minMonths: count(12), minActiveMonths: count(4), maxYears: weight(3) }),
    /** A share of a currency's income at or above this is called out in the advice. */
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
