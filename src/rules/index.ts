// Public face of the pure rules module: evaluate(), the RULES catalogue, config and types.
// Nothing here touches SQL, I/O, colour or the clock.
export { evaluate, evaluateRow, scoreOf } from './evaluate.js';
export { incomeRange } from './income.js';
export { firstRecordOn, type EvaluateOptions, type WorkingHours } from './context.js';
export { RULES, ALL_RULES, describeRules, type RuleDescription } from './catalogue.js';
export { RulesConfigSchema, defaultRulesConfig, configValue, type RulesConfig } from './config.js';
export type {
  Verdict, VerdictKind, Finding, FindingSeverity, Evidence, RuleId, RuleMeta, Stats, Confidence,
} from './types.js';
export type { ClientFacts } from './facts.js';
