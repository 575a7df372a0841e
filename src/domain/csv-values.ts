// The values of another tool's CSV as it writes them: dates in a --date-format, amounts with a
// decimal comma or point, thousands separators and currency symbols, "paid" columns. Pure.
// A bad cell throws UsageError with the field and the value; the planner turns it into a bad row.
import { UsageError, quote } from './errors.js';
import { isDate } from './dates.js';
import { exponentOf, isCurrency } from './currencies.js';
import { parseMoney } from './money.js';
import type { DateStr } from './types.js';

/** Reads a date cell written in one format: `DD/MM/YYYY` → a function from '31/12/2026' to '2026-12-31'. */
export interface DateReader {
  format: string;
  read(text: string, field: string): DateStr;
}

const TOKENS = ['YYYY', 'YY', 'MM', 'M', 'DD', 'D'] as const;
const TOKEN_RE: Record<(typeof TOKENS)[number], string> = {
  YYYY: '(\\d{4})', YY: '(\\d{2})', MM: '(\\d{2})', M: '(\\d{1,2})', DD: '(\\d{2})', D: '(\\d{1,2})',
};
// Tools often write a time after the date ("2026-03-12 14:30", "12/03/2026 2:30 PM"): the date is what counts.
const TIME_TAIL = '(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:\\s?[AaPp][Mm])?(?:Z|[+-]\\d{2}:?\\d{2})?)?';

/** Compile a --date-format (tokens YYYY YY MM M DD D, in either case; anything else but letters and digits literal). */
export function parseDateFormat(format = 'YYYY-MM-DD', field = '--date-format'): DateReader {
  const accepted = 'a pattern of YYYY or YY, MM or M, DD or D with separators, e.g. DD/MM/YYYY, MM/DD/YYYY, D.M.YYYY or YYYY-MM-DD';
  if (format.includes('%')) throw new UsageError(`${field} ${quote(format)}: %-codes are not used here; write the pattern with letters, e.g. %d/%m/%Y is DD/MM/YYYY`);
  // dd/mm/yyyy means DD/MM/YYYY: only the letters y, m and d are read regardless of case.
  const spec = format.replace(/[ymd]/g, (c) => c.toUpperCase());
  let re = '';
  const order: ('y' | 'yy' | 'm' | 'd')[] = [];
  for (let i = 0; i < spec.length;) {
    const token = TOKENS.find((t) => spec.startsWith(t, i));
    if (token) {
      // MM and DD take 5 as well as 05 where a separator follows (2026-1-5); packed (YYYYMMDD) they need two digits.
      const packed = /[YMD]/.test(spec.charAt(i + token.length)) || /[YMD]/.test(spec.charAt(i - 1));
      re += (token === 'MM' || token === 'DD') && !packed ? '(\\d{1,2})' : TOKEN_RE[token];
      order.push(token === 'YYYY' ? 'y' : token === 'YY' ? 'yy' : token.startsWith('M') ? 'm' : 'd');
      i += token.length;
      continue;
    }
    const c = spec.charAt(i);
    if (/[\p{L}\p{N}]/u.test(c)) throw new UsageError(`${field} ${quote(format)} has ${quote(c)}, which is not a date part; expected ${accepted}`);
    re += c === ' ' ? '\\s+' : c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    i += 1;
  }
  const kinds = order.map((k) => (k === 'yy' ? 'y' : k));
  if (kinds.length !== 3 || new Set(kinds).size !== 3) throw new UsageError(`${field} ${quote(format)} needs a year, a month and a day once each; expected ${accepted}`);
  const compiled = new RegExp(`^${re}${TIME_TAIL}$`);
  return {
    format,
    read(text, name) {
      const m = compiled.exec(text.trim());
      const shown = `${name} ${quote(text)}`;
      if (!m) throw new UsageError(`${shown} is not a date in the form ${format}`);
      const part: Record<string, number> = {};
      order.forEach((k, n) => (part[k] = Number(m[n + 1])));
      // Two-digit years as spreadsheets read them: 00–29 are 2000–2029, 30–99 are 1930–1999.
      const yy = part.yy ?? 0;
      const year = part.y ?? (yy < 30 ? 2000 + yy : 1900 + yy);
      const date = `${String(year).padStart(4, '0')}-${String(part.m).padStart(2, '0')}-${String(part.d).padStart(2, '0')}`;
      if (!isDate(date) || year < 1900) throw new UsageError(`${shown} is not a real calendar date (read as ${format})`);
      return date;
    },
  };
}

export type DecimalMark = '.' | ',';

export function parseDecimalMark(value: string | undefined): DecimalMark {
  if (value === undefined || value === '.') return '.';
  if (value === ',') return ',';
  throw new UsageError(`--decimal ${quote(value)} is not a decimal separator; expected . or ,`);
}

// Symbols and codes a tool may print around a number; a code must then match the row's currency.
const SYMBOLS: Record<string, string | null> = {
  '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '$': null, 'US$': 'USD', 'CA$': 'CAD', 'C$': 'CAD', 'A$': 'AUD',
  'AU$': 'AUD', 'NZ$': 'NZD', 'HK$': 'HKD', 'S$': 'SGD', 'R$': 'BRL', 'CHF': 'CHF', 'kr': null, 'zł': 'PLN',
};
const AFFIX = '((?:US|CA|AU|NZ|HK|[CASR])\\$|[€£¥₹$]|[A-Z]{3}|kr|zł)';
const AFFIX_RE = new RegExp(`^(?:${AFFIX}\\s*)?(.*?)(?:\\s*${AFFIX})?$`, 'u');

/**
 * An amount cell into minor units of `currency`: `1,234.50`, `1.234,50` (with decimal ','),
 * `1 234,50 €`, `EUR 1'234.50`. Negative or zero (a credit note, a void) and more decimals than
 * the currency has are refused, each with its reason.
 */
export function parseCsvAmount(text: string, currency: string, decimal: DecimalMark, field = 'amount'): number {
  const shown = `${field} ${quote(text)}`;
  // Accountants write a credit as (120.00) or -$120.00: the sign or brackets may sit outside the symbol.
  const t = text.trim().replace(/\u2212/g, '-');
  const outer = /^\((.*)\)$|^-(.*)$/su.exec(t);
  const m = AFFIX_RE.exec((outer ? outer[1] ?? outer[2] ?? '' : t).trim());
  let body = (m?.[2] ?? '').trim();
  for (const affix of [m?.[1], m?.[3]]) {
    if (affix === undefined) continue;
    const code = SYMBOLS[affix] ?? (isCurrency(affix) ? affix : affix in SYMBOLS ? null : undefined);
    if (code === undefined) throw new UsageError(`${shown} is not a number`);
    if (code !== null && code !== currency) throw new UsageError(`${shown} is in ${code}, but the row's currency is ${currency}`);
  }
  const negative = outer !== null || /^-|-$|^\(.*\)$/.test(body);
  body = body.replace(/^[-(]\s*|\s*[-)]$/g, '');
  const thousands = decimal === '.' ? "[,'\\s\\u00a0\\u202f]" : "[.'\\s\\u00a0\\u202f]";
  const d = decimal === '.' ? '\\.' : ',';
  const grouped = new RegExp(`^\\d{1,3}(${thousands})\\d{3}(?:\\1\\d{3})*(?:${d}(\\d+))?$|^\\d+(?:${d}(\\d+))?$`, 'u');
  const n = grouped.exec(body);
  if (!n) {
    const hint = decimal === '.' && /^\d{1,3}(\.\d{3})*,\d+$/.test(body) ? ' (a decimal comma? add --decimal ,)' : '';
    throw new UsageError(`${shown} is not a number${hint}`);
  }
  const fraction = n[2] ?? n[3] ?? '';
  const whole = body.slice(0, body.length - (fraction ? fraction.length + 1 : 0)).replace(new RegExp(thousands, 'gu'), '');
  if (negative && /[1-9]/.test(whole + fraction)) throw new UsageError(`${shown} is negative (a credit note?); only invoices with a positive amount are imported`);
  const exp = exponentOf(currency);
  if (fraction.replace(/0+$/, '').length > exp) {
    throw new UsageError(`${shown} has more decimals than ${currency} allows (${exp})`);
  }
  if (!/[1-9]/.test(whole + fraction)) throw new UsageError(`${shown} is zero; only invoices with a positive amount are imported`);
  const trimmed = fraction.slice(0, exp);
  return parseMoney(trimmed ? `${whole}.${trimmed}` : whole, currency, field);
}

/** Same as parseCsvAmount, but zero is allowed: what was paid so far may be nothing. */
export function parsePaidAmount(text: string, currency: string, decimal: DecimalMark, field = 'paid'): number {
  try {
    return parseCsvAmount(text, currency, decimal, field);
  } catch (e) {
    if (e instanceof UsageError && / is zero;/.test(e.message)) return 0;
    throw e;
  }
}

/** What a "paid" cell says: nothing, everything, an amount so far, or paid in full on a date. */
export type PaidCell =
  | { kind: 'none' }
  | { kind: 'full'; on: DateStr | null }
  | { kind: 'amount'; text: string };

const YES = new Set(['yes', 'y', 'true', 'paid', 'x', 'ja', 'oui', 'sí', 'si']);
const NO = new Set(['', 'no', 'n', 'false', 'unpaid', 'open', 'outstanding', '0', 'nein', 'non']);

export function readPaidCell(text: string, dates: DateReader): PaidCell {
  const v = text.trim().toLowerCase();
  if (NO.has(v)) return { kind: 'none' };
  if (YES.has(v)) return { kind: 'full', on: null };
  try {
    return { kind: 'full', on: dates.read(text, 'paid') };
  } catch {
    return { kind: 'amount', text };
  }
}

/** Cells that hold nothing: blank, or the dashes some tools write for "none". */
export const isBlankCell = (text: string | undefined): boolean => text === undefined || /^\s*(?:-|–|—|n\/a)?\s*$/i.test(text);
