// The year review's income share counts: the 365 days that end on the day judged, both included.
// One definition for the rules (RuleContext.yearStart) and `crm report income`, which names it.
import { addDays } from './dates.js';
import type { DateStr } from './types.js';

export function incomeYear(asOf: DateStr): { from: DateStr; to: DateStr } {
  return { from: addDays(asOf, -364), to: asOf };
}
