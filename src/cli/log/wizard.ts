// Interactive `crm log`: asks about one conversation and everything noted during it, and returns a
// LogPlan. It only reads (ctx.read(), which never creates the database) and never writes: the caller
// writes the plan in one transaction after the last answer, so Ctrl+C anywhere leaves no trace.
import type { Client } from '../../domain/records.js';
import type { Ctx } from '../context.js';
import { findClient, planClock } from '../shared.js';
import { askExtras, optional, required } from './extras.js';
import { planLog, type LogAnswers, type LogPlan } from '../../domain/log-plan.js';
import type { DB } from '../../db/store.js';
import { findByNameKey, listClients } from '../../db/clients.js';
import { terminalPrompter, type Choice, type Prompter } from '../../io/prompter.js';
import { safeText } from '../../domain/text.js';
import { clientValues } from '../../domain/client-input.js';
import { parseFutureDate, parsePastDateTime, toLocalMinute } from '../../domain/dates.js';
import { dayLabel } from '../../render/recap.js';
import { UsageError, quote } from '../../domain/errors.js';
import { nameKey, validateName } from '../../domain/names.js';
import { CHANNELS, MOODS } from '../../domain/types.js';

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
async function askConversation(ask: Prompter, ctx: Ctx, client: Client | null, flags: LogAnswers): Promise<LogAnswers> {
  const a: LogAnswers = { ...flags };
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
    message: 'When? (now, 15:00, yesterday 15:00, 2026-11-20 14:30 …)',
    default: 'now',
    check: (answer) => parsePastDateTime(answer, ctx.now(), ctx.zone(), 'when'),
    show: (answer) => `${answer} → ${toLocalMinute(parsePastDateTime(answer, ctx.now(), ctx.zone(), 'when'), ctx.zone())}`,
  });
  a.summary = await ask.input({ message: 'What was discussed?', check: required('the summary') });
  a.mood ??= await ask.select({
    message: 'How did it go?',
    choices: MOODS.map((m) => ({ name: m, value: m })),
    default: 'neutral',
  });
  return a;
}

/** The agreed next step, its owner and the follow-up date, skipping what flags already say. */
async function askFollowUp(ask: Prompter, ctx: Ctx, flags: LogAnswers, a: LogAnswers): Promise<void> {
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
        check: (d) => d.trim() && parseFutureDate(d, ctx.today(), 'the follow-up date'),
        show: (d) => (d.trim() ? `${d} → ${dayLabel(parseFutureDate(d, ctx.today(), 'the follow-up date'))}` : 'none'),
      }),
    );
    if (on !== null) a.followUp = on;
  }
}

export async function runLogWizard(
  ctx: Ctx,
  clientRef: string | undefined,
  flags: LogAnswers,
  prompter?: Prompter,
): Promise<{ plan: LogPlan; clientName: string }> {
  // A bad flag fails before the first question, not after the user has answered them all.
  planLog(planClock(ctx), 0, null, flags);
  const db = ctx.read().db;
  // An unknown client argument is a usage error too, before inquirer is even loaded.
  const given = clientRef === undefined ? null : findClient(db, clientRef);
  const ask = prompter ?? (await terminalPrompter(ctx.io));
  const who: Who = given ? { client: given } : await pickClient(ask, db);
  const client = 'client' in who ? who.client : null;
  const answers = await askConversation(ask, ctx, client, flags);
  const at = parsePastDateTime(answers.at ?? 'now', ctx.now(), ctx.zone(), 'when');
  const extras = await askExtras(ask, db, client?.id ?? null, at, ctx.zone());
  await askFollowUp(ask, ctx, flags, answers);

  const plan: LogPlan = { ...planLog(planClock(ctx), client?.id ?? 0, client?.channel ?? null, answers), ...extras };
  if ('newName' in who) {
    const blank = { email: null, phone: null, company: null, channel: null, timezone: null, note: null };
    const fields = clientValues({ name: who.newName }, { ...blank, name: who.newName, cadenceDays: (await ctx.config()).cadenceDays });
    plan.newClient = { fields, createdOn: ctx.today() };
    return { plan, clientName: fields.name };
  }
  return { plan, clientName: (client as Client).name };
}
