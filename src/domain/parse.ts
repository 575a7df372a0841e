// Parsers for the small values users type: enum choices, ids, hours, optional text. Each error
// names the flag and says what is accepted. (Dates live in dates.ts, money in money.ts.)
import { UsageError, quote } from './errors.js';
import { hasControl } from './text.js';

/** Check an enum value (case-insensitive); the error lists what is accepted. */
export function oneOf<T extends string>(value: string, values: readonly T[], field: string): T {
  const v = value.trim().toLowerCase();
  if ((values as readonly string[]).includes(v)) return v as T;
  throw new UsageError(`${field} ${quote(value)} is not one of: ${values.join(', ')}`);
}

export function optOneOf<T extends string>(value: string | undefined, values: readonly T[], field: string): T | null {
  return value === undefined ? null : oneOf(value, values, field);
}

/** Empty strings mean "no value". */
export const nullable = (s: string | undefined): string | null => (s === undefined || s.trim() === '' ? null : s);

/** A positive integer id such as a reminder id. */
export function parseId(value: string, field: string): number {
  if (!/^\d{1,15}$/.test(value.trim()) || Number(value) < 1) throw new UsageError(`${field} ${quote(value)} is not an id (a positive whole number)`);
  return Number(value);
}

/** Hours of work: up to 99999, at most two decimals. */
export function parseHours(value: string, field = '--hours'): number {
  if (!/^\d{1,5}(\.\d{1,2})?$/.test(value.trim())) throw new UsageError(`${field} ${quote(value)} is not a number of hours (e.g. 3 or 1.5)`);
  return Number(value);
}

/** An invoice number the user chose: 1–40 characters, no spaces or control characters. */
export function validateNumber(n: string, field = '--number'): string {
  const v = n.trim();
  if (v === '' || v.length > 40 || hasControl(v) || /\s/.test(v)) {
    throw new UsageError(`${field} ${quote(n)} is not a usable invoice number (1–40 characters, no spaces)`);
  }
  return v;
}

/** `--limit N`: a positive whole number. */
export function parseLimit(value: string, field = '--limit'): number {
  if (!/^\s*\d{1,9}\s*$/.test(value) || Number(value) < 1) {
    throw new UsageError(`${field} ${quote(value)} is not a positive whole number; e.g. ${field} 50`);
  }
  return Number(value);
}
