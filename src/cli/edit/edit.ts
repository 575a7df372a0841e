// `crm edit <ref>`: change a recorded record with the flags of the command that recorded it,
// validated as then; the previous values go to the audit trail (corrections), all in one transaction.
import type { Ctx } from '../context.js';
import type { DB } from '../../db/store.js';
import type { Client } from '../../domain/records.js';
import type { ClientRef } from '../../domain/types.js';
import { type AnyCommand, findClient, noteIfInactive, planClock, printJson } from '../shared.js';
import { editCommand, type EditOptions } from './flags.js';
import { UsageError } from '../../domain/errors.js';
import { parseRef } from '../../domain/refs.js';
import { checkFlags, planEdit, textOf, type EditFlags } from '../../domain/edit.js';
import { findRecord } from '../../db/refs.js';
import { companions, readCurrent, saveEdit } from '../../db/edits.js';
import { getClient } from '../../db/clients.js';
import { getInvoiceByNumber } from '../../db/invoices.js';
import { editOutcomeDto, renderEditOutcome, type EditOutcome } from '../../render/edit.js';

export function command(ctx: Ctx): AnyCommand {
  return editCommand().action((ref, o) => run(ctx, { ref }, o));
}

const clientRef = (c: Client): ClientRef => ({ id: c.id, name: c.name });

/** The edit, in one transaction; what it did, read back for the output. */
function edit(db: DB, refText: string, flags: EditFlags, ctx: Ctx): EditOutcome & { movedToClient: Client | undefined } {
  const rec = findRecord(db, parseRef(refText));
  if (rec.voidedOn) throw new UsageError(`${rec.ref} was voided on ${rec.voidedOn}; unvoid it first (crm unvoid ${rec.ref})`);
  const cur = readCurrent(db, rec);
  const plan = planEdit(cur, flags, planClock(ctx), {
    client: flags.client === undefined ? undefined : clientRef(findClient(db, flags.client)),
    referred: flags.referred === undefined ? undefined : flags.referred === false ? null : clientRef(findClient(db, flags.referred)),
  });
  const changed = Object.keys(plan.after).length > 0;
  const ref = changed ? saveEdit(db, rec, plan, planClock(ctx)).ref : rec.ref;
  // Read back through the reference: the record's client and number may have changed.
  const now = changed ? readCurrent(db, findRecord(db, parseRef(ref))) : cur;
  const number = rec.type === 'invoice' ? textOf(now.fields.number) : now.facts.invoiceNumber;
  const movedTo = (plan.after.client as ClientRef | undefined)?.id;
  const { moved, stayed } = movedTo === undefined ? { moved: [], stayed: [] } : companions(db, rec);
  const movedToClient = movedTo === undefined ? undefined : getClient(db, movedTo);
  return {
    type: rec.type, id: rec.id, was: rec.ref, ref, fields: now.fields, before: plan.before, after: plan.after, moved, stayed,
    invoice: number === undefined ? undefined : getInvoiceByNumber(db, number),
    movedTo: movedToClient?.name, movedToClient,
  };
}

export async function run(ctx: Ctx, args: { ref: string }, o: EditOptions): Promise<void> {
  const { type } = parseRef(args.ref);
  const { json, ...given } = o;
  checkFlags(type, given);
  const flags: EditFlags = {
    ...given,
    summary: await ctx.text(given.summary, '--summary'),
    note: await ctx.text(given.note, '--note'),
    text: await ctx.text(given.text, '--text'),
  };
  const done = ctx.write().write((db) => edit(db, args.ref, flags, ctx));
  if (done.movedToClient) noteIfInactive(ctx, done.movedToClient);
  if (json) return printJson(ctx, editOutcomeDto(done, ctx.zone()));
  ctx.io.out(renderEditOutcome(done, ctx.zone(), ctx.io.columns));
}
