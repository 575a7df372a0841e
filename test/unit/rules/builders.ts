// Test builders for ClientFacts: terse records at fixed dates, income derived from payments.
import type {
  ClientFacts, InvoiceFact, IncidentFact, ChangeFact, InteractionFact, ReferralFact, DeliveryFact, IncomeFact, DisputeFact,
} from '../../../src/rules/facts.js';
import type { IncidentKind } from '../../../src/domain/types.js';
import { defaultRulesConfig, type EvaluateOptions, type RulesConfig } from '../../../src/rules/index.js';
import { addDays } from '../../../src/domain/dates.js';

export const AS_OF = '2026-11-22';
export const ago = (days: number) => addDays(AS_OF, -days);

let seq = 1;
const id = () => seq++;

export function options(over: Partial<EvaluateOptions> & { tune?: (c: RulesConfig) => void } = {}): EvaluateOptions {
  const config = defaultRulesConfig();
  over.tune?.(config);
  return {
    asOf: AS_OF, config, timeZone: 'UTC', workingHours: { start: '08:00', end: '19:00', days: [1, 2, 3, 4, 5] },
    ...over,
  };
}

export interface InvoiceSpec {
  due: string; issued?: string; amount?: number; currency?: string; number?: string; project?: string;
  /** Paid in full on this day (null/absent: unpaid). */
  paid?: string | null;
  payments?: { on: string; amount: number }[];
  disputes?: Partial<DisputeFact>[];
}

export function invoice(s: InvoiceSpec): InvoiceFact {
  const amount = s.amount ?? 100000;
  const i = id();
  return {
    id: i, number: s.number ?? `INV-${String(i).padStart(4, '0')}`, project: s.project ?? null, amount,
    currency: s.currency ?? 'EUR', issuedOn: s.issued ?? addDays(s.due, -30), dueOn: s.due,
    payments: s.payments ? s.payments.map((p) => ({ id: id(), ...p }))
      : s.paid ? [{ id: id(), on: s.paid, amount }] : [],
    disputes: (s.disputes ?? []).map((d) => ({
      id: id(), openedOn: s.due, reason: 'price', resolvedOn: null, outcome: null, conceded: 0, ...d,
    })),
  };
}

/** `on` may be a date (noon UTC) or a full instant. */
export function incident(kind: IncidentKind, on: string, extra: Partial<IncidentFact> = {}): IncidentFact {
  return { id: id(), kind, at: on.length === 10 ? `${on}T12:00:00.000Z` : on, severity: 'medium', warned: false, note: null, interactionId: null, ...extra };
}
export const change = (on: string, extra: Partial<ChangeFact> = {}): ChangeFact =>
  ({ id: id(), on, project: null, hours: null, unbilled: false, ...extra });
export const interaction = (at: string, direction: 'in' | 'out' = 'in'): InteractionFact =>
  ({ id: id(), at: at.length === 10 ? `${at}T12:00:00.000Z` : at, direction, channel: 'email', mood: null });
export const referral = (on: string): ReferralFact => ({ id: id(), on, note: null });
export const delivery = (on: string): DeliveryFact => ({ id: id(), on, project: null });

export interface FactsSpec extends Partial<Omit<ClientFacts, 'client' | 'clientIncome' | 'portfolioIncome'>> {
  createdOn?: string;
  /** Payments from other clients (for income share). */
  otherIncome?: IncomeFact[];
}

/** Facts for client #1; income lists are derived from the invoices so they can never disagree. */
export function facts(s: FactsSpec = {}): ClientFacts {
  const invoices = s.invoices ?? [];
  const clientIncome = invoices.flatMap((i) => i.payments.map((p) => ({ on: p.on, currency: i.currency, amount: p.amount })));
  return {
    client: { id: 1, name: 'Acme', createdOn: s.createdOn ?? ago(2000), status: 'active', timezone: null },
    invoices, interactions: s.interactions ?? [], changes: s.changes ?? [], incidents: s.incidents ?? [],
    referrals: s.referrals ?? [], deliveries: s.deliveries ?? [],
    clientIncome, portfolioIncome: [...clientIncome, ...(s.otherIncome ?? [])],
  };
}

/** `n` invoices due on `due`, paid `late` days after it. */
export const batch = (n: number, due: string, late: number, extra: Partial<InvoiceSpec> = {}): InvoiceFact[] =>
  Array.from({ length: n }, () => invoice({ due, paid: addDays(due, late), ...extra }));
