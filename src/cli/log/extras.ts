// "Anything else to record?" in the `crm log` wizard: incidents, change requests, disputes over open
// invoices and referrals noted during the conversation. Asks and returns plan parts; never writes.
import type { Invoice } from '../../domain/records.js';
import { parseHours } from '../../domain/parse.js';
import type { LogPlan } from '../../domain/log-plan.js';
import type { DB } from '../../db/store.js';
import { listInvoices } from '../../db/invoices.js';
import type { Choice, Prompter } from '../../io/prompter.js';
import { safeText } from '../../domain/text.js';
import { localDate } from '../../domain/dates.js';
import { UsageError } from '../../domain/errors.js';
import { formatMoney } from '../../domain/money.js';
import { SEVERITIES, type IncidentKind, type Severity } from '../../domain/types.js';

/** Every kind (the Record type makes sure), most common first so the usual pick is a keystroke or two away. */
const KIND_HINTS: Record<IncidentKind, string> = {
  'unreasonable-demand': 'impossible deadlines, out-of-hours demands, free work',
  'missed-deadline': 'missed their own deadline (content, feedback, approval)',
  'ignored-advice': 'overrode your professional advice',
  'verbal-abuse': 'insults, shouting, contempt',
  'competitor-leverage': "waved a competitor's quote at you",
  dishonesty: 'lied, misrepresented, went back on their word',
  'legal-risk': 'asked for something illegal or exposing you legally',
  'physical-abuse': 'physical violence or threats of it',
  other: 'anything else worth remembering',
};

export const required = (what: string) => (answer: string): void => {
  if (answer.trim() === '') throw new UsageError(`${what} is empty; type a few words (Ctrl+C cancels)`);
};
export const optional = (answer: string): string | null => (answer.trim() === '' ? null : answer.trim());

/** Open, undisputed invoices of the client issued by the day of the conversation (a dispute cannot predate its invoice). */
function disputableInvoices(db: DB, clientId: number, on: string): Invoice[] {
  return listInvoices(db, { clientId, open: true }).filter((i) => i.disputeId === null && i.issuedOn <= on);
}

type Extras = Pick<LogPlan, 'incidents' | 'changes' | 'disputes' | 'referrals'>;
type Extra = 'done' | 'incident' | 'change' | 'dispute' | 'referral';

/** "Anything else to record?" until the user says no. `at` is when the conversation happened. */
export async function askExtras(ask: Prompter, db: DB, clientId: number | null, at: string, zone: string): Promise<Extras> {
  const on = localDate(at, zone);
  // A client added in this session has no invoices yet.
  const invoices = clientId === null ? [] : disputableInvoices(db, clientId, on);
  const x: Extras = { incidents: [], changes: [], disputes: [], referrals: [] };
  for (;;) {
    const disputable = invoices.filter((i) => !x.disputes.some((d) => d.invoiceId === i.id));
    const recorded = x.incidents.length + x.changes.length + x.disputes.length + x.referrals.length;
    const choices: Choice<Extra>[] = [
      { name: recorded ? 'No, that is all' : 'No', value: 'done' },
      { name: 'A change request', value: 'change', description: 'they want something added or changed' },
      { name: 'An incident', value: 'incident', description: 'behaviour worth remembering: abuse, lies, demands…' },
      ...(disputable.length
        ? [{ name: 'A dispute over an invoice', value: 'dispute' as const, description: 'they object to or haggle over an open invoice' }]
        : []),
      { name: 'A referral', value: 'referral', description: 'they sent new business your way' },
    ];
    const what = await ask.select({ message: recorded ? 'Anything else to record?' : 'Anything else to record from this conversation?', choices });
    if (what === 'done') return x;
    if (what === 'change') {
      const summary = await ask.input({ message: 'What do they want changed?', check: required('the change') });
      const project = optional(await ask.input({ message: 'Project (optional):' }));
      const hours = optional(await ask.input({ message: 'Extra hours, estimated (optional):', check: (h) => h.trim() && parseHours(h) }));
      const unbilled = await ask.confirm({ message: 'Are you absorbing it without billing?', default: false });
      x.changes.push({ summary: summary.trim(), project, on, hours: hours === null ? null : parseHours(hours), unbilled });
    } else if (what === 'incident') {
      const kind = await ask.select({
        message: 'What kind of incident?',
        choices: (Object.keys(KIND_HINTS) as IncidentKind[]).map((k) => ({ name: k, value: k, description: KIND_HINTS[k] })),
      });
      const severity = await ask.select<Severity>({ message: 'How serious?', choices: SEVERITIES.map((s) => ({ name: s, value: s })), default: 'medium' });
      const note = optional(await ask.input({ message: 'What happened? (optional)' }));
      const warned = await ask.confirm({ message: 'Did you tell them this is not acceptable?', default: false });
      x.incidents.push({ kind, at, severity, note, warned });
    } else if (what === 'dispute') {
      const invoiceId = await ask.select({
        message: 'Which invoice?',
        choices: disputable.map((i) => ({
          name: `${i.number}  ${formatMoney(i.balance, i.currency)} due ${i.dueOn}`,
          value: i.id,
          ...(i.project ? { description: safeText(i.project) } : {}),
        })),
      });
      const reason = await ask.input({ message: 'What do they object to?', check: required('the reason') });
      x.disputes.push({ invoiceId, reason: reason.trim(), on });
    } else {
      const note = optional(await ask.input({ message: 'Who did they refer? (optional)' }));
      x.referrals.push({ on, note, referredClientId: null });
    }
  }
}
