// A client's own currency: what a new invoice of theirs is in when nobody names one (`invoice add`
// without --currency, `crm import` without a currency column). Pure: their invoices' currencies in.

/**
 * From the currencies of a client's live invoices, latest first: `seen`, every one of them by code,
 * and `currency`, the one they are all in or, with several, the latest invoice's. Undefined for a
 * client with no invoices.
 */
export function ownCurrency(latestFirst: readonly string[]): { currency: string; seen: string[] } | undefined {
  const [latest] = latestFirst;
  return latest === undefined ? undefined : { currency: latest, seen: [...new Set(latestFirst)].sort() };
}
