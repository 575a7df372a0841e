// crm's configuration: general defaults plus the rules' weights. zod-validated; defaults in code.
import { z } from 'zod';
import { RulesConfigSchema } from '../rules/config.js';
import { canonicalZone } from '../domain/client-input.js';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:mm (24-hour)');

export const WorkingHoursSchema = z
  .object({
    start: HHMM.default('08:00'),
    end: HHMM.default('19:00'),
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    days: z.array(z.number().int().min(1).max(7)).default([1, 2, 3, 4, 5]),
  })
  .strict();

export const ConfigSchema = z
  .object({
    currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD').default('USD'),
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
    rules: RulesConfigSchema.default(RulesConfigSchema.parse({})),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;
export const defaultConfig = (): Config => ConfigSchema.parse({});
