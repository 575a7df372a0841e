// crm's configuration: general defaults plus the rules' weights. zod-validated; defaults in code.
import * as z from 'zod';
import { RulesConfigSchema } from '../rules/config.js';
import { canonicalZone } from '../domain/client-input.js';
import { CURRENCIES, isCurrency } from '../domain/currencies.js';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:mm (24-hour)');

export const WorkingHoursSchema = z
  .object({
    start: HHMM.default('08:00'),
    end: HHMM.default('19:00'),
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    days: z.array(z.number().int().min(1, 'expected 1 (Monday) to 7 (Sunday)').max(7, 'expected 1 (Monday) to 7 (Sunday)')).default([1, 2, 3, 4, 5]),
  })
  .strict();

export const ConfigSchema = z
  .object({
    // A code invoices can be in: the same list --currency checks (so XYZ is refused here, not at the next invoice).
    currency: z.enum([...CURRENCIES] as [string, ...string[]], { error: 'not an ISO 4217 currency code, such as USD or EUR' }).default('USD'),
    cadenceDays: z.number().int().min(1).max(3650).default(14),
    paymentTermsDays: z.number().int().min(0).max(3650).default(30),
    /** IANA time zone for working hours; null = the system's (TZ). */
    timezone: z
      .string()
      .refine((tz) => canonicalZone(tz) !== null, 'not an IANA time zone such as Europe/Oslo')
      .nullable()
      .default(null),
    workingHours: WorkingHoursSchema.default({ start: '08:00', end: '19:00', days: [1, 2, 3, 4, 5] }),
    feedbackAfterDays: z.number().int().min(0).max(365).default(3),
    checkBackAfterDays: z.number().int().min(1).max(365).default(30),
    /**
     * Optional exchange rates, for one combined income share: each currency's value in a common
     * unit of your choice (e.g. {"EUR": 1, "USD": 0.92}). Without them, shares stay per currency.
     */
    rates: z.record(z.string(), z.number().positive().max(1e9))
      // Keys checked here, not by the record's key schema, so the message names the key and what is accepted.
      .superRefine((rates, ctx) => {
        for (const code of Object.keys(rates)) {
          if (!isCurrency(code)) ctx.addIssue({ code: 'custom', path: [code], message: 'not an ISO 4217 currency code in capitals, such as USD or EUR' });
        }
      })
      .default({}),
    rules: RulesConfigSchema.default(RulesConfigSchema.parse({})),
  })
  .strict()
  // Checks that involve more than one key: each names the key to fix.
  .superRefine((c, ctx) => {
    const { watch, fire } = c.rules.thresholds;
    if (watch >= fire) {
      ctx.addIssue({ code: 'custom', path: ['rules', 'thresholds', 'watch'], message: `must be below rules.thresholds.fire (${fire}); it is ${watch}` });
    }
    const { start, end, days } = c.workingHours;
    if (start === end) {
      ctx.addIssue({ code: 'custom', path: ['workingHours', 'end'], message: `must differ from workingHours.start (${start}); an overnight span such as 22:00–06:00 is fine` });
    }
    if (days.length === 0) ctx.addIssue({ code: 'custom', path: ['workingHours', 'days'], message: 'must name at least one day (1 = Monday … 7 = Sunday)' });
    if (new Set(days).size !== days.length) ctx.addIssue({ code: 'custom', path: ['workingHours', 'days'], message: 'lists a day twice' });
  });

export type Config = z.infer<typeof ConfigSchema>;
export const defaultConfig = (): Config => ConfigSchema.parse({});
