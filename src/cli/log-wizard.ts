// Interactive `crm log`: asks about one conversation and everything noted during it, and returns a
// LogPlan. It only reads (ctx.read(), which never creates the database) and never writes: the caller
// writes the plan in one transaction after the last answer, so Ctrl+C anywhere leaves no trace.
import type { Ctx } from './context.js';
import { planFromAnswers, type LogFlags } from './log.js';
import { findClient } from './shared.js';
import { parseHours } from './records.js';
import type { LogPlan } from '../db/log.js';
import type { DB } from '../db/store.js';
import { findByNameKey, listClients, type Client } from '../db/clients.js';
import { listInvoices, type Invoice } from '../db/invoices.js';
import { terminalPrompter, type Choice, type Prompter } from '../io/prompter.js';
import { safeText } from '../io/io.js';
import { clientValues } from '../domain/client-input.js';
import { localDate, parseDate, parseDateTime, toLocalMinute } from '../domain/dates.js';
import { dayLabel } from '../render/recap.js';
import { UsageError, quote } from '../domain/errors.js';
import { formatMoney } from '../domain/money.js';
import { nameKey, validateName } from '../domain/names.js';
import { CHANNELS, SEVERITIES, type IncidentKind, type Severity } from '../domain/types.js';

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

const required = (what: string) => (answer: string): void => {
  if (answer.trim() === '') throw new UsageError(`${what} is empty; type a few words (Ctrl+C cancels)`);
};
const optional = (answer: string): string | null => (answer.trim() === '' ? null : answer.trim());

/** A client picked from the list, or one to create with the conversation. */
type Who = { client: Client } | { newName: string };

async function pickClient(ask: Prompter, db: DB): Promise<Who> {
  const clients = listClients(db);
  let typed = '';
  const NEW = null;
  const picked = await ask.search<Client | null>({
    message: 'Who did you talk to?',
    source: (term) => {
      typed = term.trim();
      const key = nameKey(typed);
      const matches = clients
        .filter((c) => key === '' || nameKey(c.name).includes(key) || nameKey(c.company ?? '').includes(key))
        // Active clients and name-prefix matches first: the likely pick needs fewest keystrokes.
        .sort((a, b) => rank(a, key) - rank(b, key) || a.name.localeCompare(b.name));
      const choices: Choice<Client | null>[] = matches.map((c) => ({
        name: safeText(c.name) + (c.status === 'active' ? '' : ` (${c.status})`),
        value: c,
        ...(c.company ? { description: safeText(c.company) } : {}),
      }));
      choices.push({ name: typed ? `+ Add a new client "${safeText(typed)}"` : '+ Add a new client', value: NEW });
      return choices;
    },
  });
  if (picked !== NEW) return { client: picked };
  const name = await ask.input({
    message: 'Name of the new client:',
    ...(typed ? { default: typed } : {}),
    check: (answer) => {
      const n = validateName(answer, 'the name');
      const other = findByNameKey(db, nameKey(n));
      if (other) throw new UsageError(`a client named ${quote(other.name)} already exists; pick it from the list instead`);
    },
  });
  return { newName: validateName(name) };
}

function rank(c: Client, key: string): number {
  return (c.status === 'active' ? 0 : 2) + (nameKey(c.name).startsWith(key) ? 0 : 1);
}

/** Ask the conversation's own questions, skipping those answered by flags. Returns answers as flags. */
async function askConversation(ask: Prompter, ctx: Ctx, client: Client | null, flags: LogFlags): Promise<LogFlags> {
  const a: LogFlags = { ...flags };
  a.channel ??= await ask.select({
    message: 'How did you talk?',
    choices: CHANNELS.map((c) => ({ name: c, value: c })),
    default: client?.channel ?? 'phone',
  });
  a.direction ??= await ask.select({
    message: 'Who reached out?',
    choices: [
      { name: 'I did', value: 'out' },
      { name: 'They did', value: 'in', description: 'the client contacted you' },
    ],
  });
  a.at ??= await ask.input({
    message: 'When? (now, yesterday, 2026-11-20 14:30 …)',
    default: 'now',
    check: (answer) => parseDateTime(answer, ctx.now(), 'when'),
    show: (answer) => `${answer} → ${toLocalMinute(parseDateTime(answer, ctx.now(), 'when'))}`,
  });
  a.summary = await ask.input({ message: 'What was discussed?', check: required('the summary') });
  a.mood ??= await ask.select({
    message: 'How did it go?',
    choices: [
      { name: 'positive', value: 'positive' },
      { name: 'neutral', value: 'neutral' },
      { name: 'negative', value: 'negative' },
    ],
    default: 'neutral',
  });
  return a;
}

type Extras = Pick<LogPlan, 'incidents' | 'changes' | 'disputes' | 'referrals'>;
type Extra = 'done' | 'incident' | 'change' | 'dispute' | 'referral';

/** "Anything else to record?" until the user says no. */
async function askExtras(ask: Prompter, at: string, invoices: Invoice[]): Promise<Extras> {
  const on = localDate(at);
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
      x.referrals.push({ on, note });
    }
  }
}

/** The agreed next step, its owner and the follow-up date, skipping what flags already say. */
async function askFollowUp(ask: Prompter, ctx: Ctx, flags: LogFlags, a: LogFlags): Promise<void> {
  if (flags.next === undefined) {
    const next = optional(await ask.input({ message: 'Agreed next step? (empty: none)' }));
    if (next !== null) a.next = next;
  }
  if (a.next !== undefined && flags.owner === undefined) {
    a.owner = await ask.select({
      message: 'Who owns it?',
      choices: [
        { name: 'me', value: 'me' },
        { name: 'the client', value: 'client' },
        { name: 'both of us', value: 'both' },
      ],
    });
  }
  if (flags.followUp === undefined) {
    const on = optional(
      await ask.input({
        message: 'Follow up on? (+3d, tomorrow, 2026-12-01; empty: no reminder)',
        check: (d) => d.trim() && parseDate(d, ctx.today(), 'the follow-up date'),
        show: (d) => (d.trim() ? `${d} → ${dayLabel(parseDate(d, ctx.today()))}` : 'none'),
      }),
    );
    if (on !== null) a.followUp = on;
  }
}

/** Open, undisputed invoices of the client issued by the day of the conversation (a dispute cannot predate its invoice). */
function disputableInvoices(db: DB, clientId: number, on: string): Invoice[] {
  return listInvoices(db, { clientId, open: true }).filter((i) => i.disputeId === null && i.issuedOn <= on);
}

export async function runLogWizard(
  ctx: Ctx,
  clientRef: string | undefined,
  flags: LogFlags,
  prompter?: Prompter,
): Promise<{ plan: LogPlan; clientName: string }> {
  // A bad flag fails before the first question, not after the user has answered them all.
  planFromAnswers(ctx, 0, null, flags);
  const db = ctx.read().db;
  // An unknown client argument is a usage error too, before inquirer is even loaded.
  const given = clientRef === undefined ? null : findClient(db, clientRef);
  const ask = prompter ?? (await terminalPrompter(ctx.io));
  const who: Who = given ? { client: given } : await pickClient(ask, db);
  const client = 'client' in who ? who.client : null;
  const answers = await askConversation(ask, ctx, client, flags);
  const at = parseDateTime(answers.at ?? 'now', ctx.now(), 'when');
  const extras = await askExtras(ask, at, client ? disputableInvoices(db, client.id, localDate(at)) : []);
  await askFollowUp(ask, ctx, flags, answers);

  const plan: LogPlan = { ...planFromAnswers(ctx, client?.id ?? 0, client?.channel ?? null, answers), ...extras };
  if ('newName' in who) {
    const blank = { email: null, phone: null, company: null, channel: null, timezone: null, note: null };
    const fields = clientValues({ name: who.newName }, { ...blank, name: who.newName, cadenceDays: ctx.config().cadenceDays });
    plan.newClient = { fields, createdOn: ctx.today() };
    return { plan, clientName: fields.name };
  }
  return { plan, clientName: (client as Client).name };
}
