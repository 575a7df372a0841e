// The list of rules in their stable order, and their rationale as data for `crm rules` and docs.
// Adding a rule = one file in checks/ plus one line here.
import type { Rule, RuleMeta } from './types.js';
import { configValue, type RulesConfig } from './config.js';
import { physicalAbuse } from './checks/physical-abuse.js';
import { verbalAbuse } from './checks/verbal-abuse.js';
import { dishonesty } from './checks/dishonesty.js';
import { legalRisk } from './checks/legal-risk.js';
import { latePayment } from './checks/late-payment.js';
import { overdueBalance } from './checks/overdue-balance.js';
import { invoiceDisputes } from './checks/invoice-disputes.js';
import { scopeChurn } from './checks/scope-churn.js';
import { unreasonableDemands } from './checks/unreasonable-demands.js';
import { ignoredAdvice } from './checks/ignored-advice.js';
import { competitorLeverage } from './checks/competitor-leverage.js';
import { missedCommitments } from './checks/missed-commitments.js';
import { onTimePayer } from './checks/on-time-payer.js';
import { referrals } from './checks/referrals.js';
import { longRelationship } from './checks/long-relationship.js';
import { incomeConcentration } from './checks/income-concentration.js';
import { shortPayment } from './checks/short-payment.js';

export const ALL_RULES: readonly Rule[] = [
  physicalAbuse, verbalAbuse, dishonesty, legalRisk,
  latePayment, overdueBalance, invoiceDisputes, scopeChurn,
  unreasonableDemands, ignoredAdvice, competitorLeverage, missedCommitments,
  onTimePayer, referrals, longRelationship, incomeConcentration, shortPayment,
];

/** What each rule looks at and why, in stable order. */
export const RULES: readonly RuleMeta[] = ALL_RULES.map((r) => r.meta);

export interface RuleDescription extends RuleMeta {
  /** Current value of each config key the rule uses (after the user's overrides). */
  settings: Record<string, unknown>;
}

/** The catalogue with the settings in force — what `crm rules` prints. */
export function describeRules(config: RulesConfig): RuleDescription[] {
  return RULES.map((meta) => ({
    ...meta,
    settings: Object.fromEntries(meta.configKeys.map((k) => [k, configValue(config, k)])),
  }));
}
