// `crm referral add`: record a referral, outside any logged conversation, optionally linked to the
// client it brought in (--referred).
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, findClient, noteIfInactive, printJson } from '../shared.js';
import { nullable } from '../../domain/parse.js';
import { parsePastDate } from '../../domain/dates.js';
import { UsageError, quote } from '../../domain/errors.js';
import { formatRef } from '../../domain/refs.js';
import { safeText } from '../../domain/text.js';
import type { Client } from '../../domain/records.js';
import type { DB } from '../../db/store.js';
import { insertReferral } from '../../db/events.js';
import { ref, referralDto } from '../../render/json.js';

export interface AddFlags {
  referred?: string;
  note?: string;
  on?: string;
  json?: boolean;
}

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('add').description('record a referral').argument('<client>', 'name, prefix or id of who referred')
      .option('--referred <client>', 'the client they brought in: name, prefix or id')
      .option('--note <text>', 'who they referred')
      .option('--on <date>', 'date (default today)')
      .option('--json', 'print the referral as JSON'),
    ['crm referral add acme --note "introduced us to Globex"', 'crm referral add acme --referred globex'],
  ).action((clientRef, o) => run(ctx, { client: clientRef }, o));
}

/** The client --referred names, found like any <client>; the error says which flag it came from. */
function referredClient(db: DB, value: string, referrer: Client): Client {
  let c: Client;
  try {
    c = findClient(db, value);
  } catch (e) {
    throw e instanceof UsageError ? new UsageError(`--referred: ${e.message}`) : e;
  }
  if (c.id === referrer.id) {
    throw new UsageError(`--referred ${quote(value)} is ${quote(c.name)} itself; name the client ${quote(referrer.name)} brought in`);
  }
  return c;
}

export function run(ctx: Ctx, args: { client: string }, o: AddFlags): void {
  const today = ctx.today();
  const on = parsePastDate(o.on, today, '--on');
  const [client, referred, rec] = ctx.write().write((db) => {
    const c = findClient(db, args.client);
    const other = o.referred === undefined ? null : referredClient(db, o.referred, c);
    return [c, other, insertReferral(db, { clientId: c.id, interactionId: null, on, note: nullable(o.note), referredClientId: other?.id ?? null })] as const;
  });
  noteIfInactive(ctx, client);
  if (o.json) return printJson(ctx, referralDto(rec, ref(client.id, client.name), referred && ref(referred.id, referred.name)));
  const s = ctx.style;
  ctx.io.out(`Recorded ${s.bold(formatRef('referral', rec.id))} from ${safeText(client.name)}`
    + (referred ? `: brought in ${safeText(referred.name)}` : '') + ' — thank them!\n');
}
