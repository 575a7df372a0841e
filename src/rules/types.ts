// The vocabulary of judging: findings, evidence, verdicts and the shape of a rule.
// Types only — no behaviour, so every layer (render, cli, tests) can import it freely.
import type {
  DateStr, InstantStr, IncidentKind, Severity, Direction, Channel, DisputeOutcome, Money,
} from '../domain/types.js';
import type { RuleContext } from './context.js';

export type FindingSeverity = 'dealbreaker' | 'warning' | 'positive' | 'info';
export type VerdictKind = 'keep' | 'watch' | 'fire';
export type Confidence = 'low' | 'normal';

export type RuleId =
  | 'physical-abuse' | 'verbal-abuse' | 'dishonesty' | 'legal-risk'
  | 'late-payment' | 'overdue-balance' | 'invoice-disputes' | 'scope-churn'
  | 'unreasonable-demands' | 'ignored-advice' | 'competitor-leverage' | 'missed-commitments'
  | 'on-time-payer' | 'referrals' | 'long-relationship' | 'income-concentration' | 'short-payment';

/** A record a finding rests on; `type` says which table it came from. */
export type Evidence =
  | {
      type: 'invoice'; id: number; number: string; amount: Money; balance: Money; givenUp: Money;
      issuedOn: DateStr; dueOn: DateStr; paidOn: DateStr | null; daysLate: number | null;
    }
  | {
      type: 'dispute'; id: number; invoice: string; openedOn: DateStr; reason: string;
      outcome: DisputeOutcome | null; resolvedOn: DateStr | null; conceded: Money;
    }
  | {
      type: 'incident'; id: number; kind: IncidentKind; on: DateStr; at: InstantStr;
      severity: Severity; warned: boolean; note: string | null;
    }
  | { type: 'change'; id: number; on: DateStr; project: string | null; hours: number | null; unbilled: boolean }
  | {
      type: 'interaction'; id: number; at: InstantStr; local: string;
      direction: Direction; channel: Channel | null;
    }
  | { type: 'referral'; id: number; on: DateStr; note: string | null }
  | { type: 'delivery'; id: number; on: DateStr; project: string | null }
  | { type: 'income'; from: DateStr; to: DateStr; client: Money; total: Money; share: number };

export interface Finding {
  rule: RuleId;
  severity: FindingSeverity;
  title: string;
  detail: string;
  evidence: Evidence[];
  /** What the rule measured (unitless; see the rule's catalogue entry). */
  measure: number;
  /** Points per unit of measure; negative for good signs. */
  weight: number;
  /** The most points this finding can give (a warning sign's or a dealbreaker's cap); null: uncapped. */
  cap: number | null;
  /** Why this sign fires on its own (its own condition is met); null when it does not. */
  firesAlone: string | null;
  /**
   * This finding's share of the score, to one decimal: measure × weight, kept within the cap; a
   * sign that fires on its own counts at least the fire threshold.
   */
  points: number;
}

export interface RuleMeta {
  id: RuleId;
  severity: FindingSeverity;
  /** Severity the rule escalates to, when it can (verbal abuse after a warning). */
  escalatesTo?: FindingSeverity;
  /** When this sign fires on its own, in words (null: it never does; several signs together can). */
  firesWhen: string | null;
  /** Which facts this rule owns, so no fact is counted twice (see README, "One fact, one count"). */
  owns: string;
  /**
   * The seed's sign this rule reads, when two rules read one sign (paying late and money overdue
   * are both "slow to pay"): two clear findings of one sign are not two independent signs.
   */
  sign?: string;
  title: string;
  looksAt: string;
  why: string;
  measure: string;
  configKeys: string[];
}

/** One rule: its catalogue entry, the check, and the next steps it suggests when it fires. */
export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): Finding | null;
  /** Concrete next steps; `verdict` lets context rules (income share) phrase them for the outcome. */
  advise?(finding: Finding, ctx: RuleContext, verdict: VerdictKind): string[];
}

/** How much history the verdict rests on: it never changes the verdict, only how the card words it. */
export interface Basis { invoices: number; days: number; low: boolean }

export interface Stats {
  /** The client's status on the card: a fired client's card is about money still owed. */
  status: { status: 'active' | 'archived' | 'fired'; on: DateStr | null };
  since: DateStr;
  relationshipDays: number;
  lastContact: DateStr | null;
  invoices: {
    issued: number; open: number; paidOnTime: number; paidLate: number;
    avgDaysLate: number | null; worstDaysLate: number | null;
  };
  income12m: { currency: string; amount: Money; total: Money; share: number }[];
  /** Share of everything you were paid, with config `rates` for every currency; null without them. */
  income12mCombined: number | null;
  /** How many currencies you were paid in over the 12 months (all clients). */
  currencies12m: number;
  overdue: Money[];
  disputes: { count: number; open: number; conceded: Money[] };
  changes: { count: number; last12m: number; unbilled: number };
  incidents: Partial<Record<IncidentKind, number>>;
  referrals: number;
  deliveries: number;
}

export interface Verdict {
  asOf: DateStr;
  verdict: VerdictKind;
  score: number;
  confidence: Confidence;
  basis: Basis;
  /** How the score was reached: the sum, the good signs' relief, and the floor a verdict rule set. */
  total: {
    signs: number; relief: number; reliefCapped: number; floor: number; floorReason: string | null;
    /** Signs read by two rules and held to one sign's cap: what they added up to, and what counted. */
    shared: { sign: string; rules: string[]; points: number; counted: number }[];
  };
  findings: Finding[];
  stats: Stats;
  advice: string[];
}
