// `crm edit <ref>`: change a recorded record with the flags of the command that recorded it,
// validated as then; the previous values go to the audit trail (corrections), all in one transaction.
import type { Ctx } from '../context.js';
import type { DB } from '../../db/store.js';
import type { Client, Invoice } from '../../domain/records.js';
import type { ClientRef } from '../../domain/types.js';
import { type AnyCommand, findClient, noteIfInactive, planClock, printJson } from '../shared.js';
import { editCommand, type EditOptions } from './flags.js';
import { UsageError } from '../../domain/errors.js';
import { parseRef } from '../../domain/refs.js';
import { checkFlags, planEdit, textOf, type Current, type EditFlags, type EditPlan } from '../../domain/edit.js';
import { formatMoney } from '../../domain/money.js';
import { oneLine } from '../../domain/text.js';
import { findRecord } from '../../db/refs.js';
import { companions, readCurrent, saveEdit } from '../../db/edits.js';
import { getClient } from '../../db/clients.js';
import { getInvoiceByNumber } from '../../db/invoices.js';
import { editDto, renderEdit } from '../../render/edit.js';
import { invoiceDto } from '../../render/json.js';

export function command(ctx: Ctx): AnyCommand {
  return editCommand().action((ref, o) => run(ctx, { ref }, o));
}

const clientRef = (c: Client): ClientRef => ({ id: c.id, name: c.name });

interface Done {
  id: number;
  /** The reference before the edit, and after (an invoice's number may change). */
  was: string;
  ref: string;
  plan: EditPlan;
  now: Current;
  invoice: Invoice | undefined;
  moved: string[];
  stayed: string[];
  movedTo: Client | undefined;
}

function edit(db: DB, refText: string, flags: EditFlags, ctx: Ctx): Done {
  const rec = findRecord(db, parseRef(refText));
  if (rec.voidedOn) throw new UsageError(`${rec.ref} was voided on ${rec.voidedOn}; unvoid it first (crm unvoid ${rec.ref})`);
  const cur = readCurrent(db, rec);
  const plan = planEdit(cur, flags, planClock(ctx), {
    client: flags.client === undefined ? undefined : clientRef(findClient(db, flags.client)),
    referred: flags.referred === undefined ? undefined : flags.referred === false ? null : clientRef(findClient(db, flags.referred)),
  });
  const changed = Object.keys(plan.after).length > 0;
  const ref = changed ? saveEdit(db, rec, plan, planClock(ctx)).ref : rec.ref;
  const now = changed ? readCurrent(db, findRecord(db, parseRef(ref))) : cur;
  const number = rec.type === 'invoice' ? textOf(now.fields.number) : now.facts.invoiceNumber;
  const movedTo = (plan.after.client as ClientRef | undefined)?.id;
  const { moved, stayed } = movedTo === undefined ? { moved: [], stayed: [] } : companions(db, rec);
  return {
    id: rec.id, was: rec.ref, ref, plan, now, moved, stayed,
    invoice: number === undefined ? undefined : getInvoiceByNumber(db, number),
    movedTo: movedTo === undefined ? undefined : getClient(db, movedTo),
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
  if (done.movedTo) noteIfInactive(ctx, done.movedTo);
  const { before, after } = done.plan;
  const inv = done.invoice;
  if (json) {
    const extra = !inv ? {}
      : type === 'invoice' ? (({ balance, status, paid, conceded }) => ({ balance, status, paid, conceded }))(invoiceDto(inv))
      : { invoice: (({ number, balance, status }) => ({ number, balance, status }))(invoiceDto(inv)) };
    return printJson(ctx, editDto({ ref: done.ref, type, id: done.id, fields: done.now.fields, before, after }, ctx.zone(), extra));
  }
  if (Object.keys(after).length === 0) {
    ctx.io.out(`Nothing changed: ${oneLine(done.ref)} already has those values\n`);
    return;
  }
  ctx.io.out(renderEdit(type, done.was, before, after, ctx.zone(), ctx.io.columns));
  if (inv && (type !== 'invoice' || 'amount' in after)) {
    ctx.io.out(`  ${oneLine(inv.number)}: balance ${formatMoney(Math.max(0, inv.balance), inv.currency)} (${inv.status})\n`);
  }
  const to = done.movedTo ? oneLine(done.movedTo.name) : '';
  if (done.moved.length) ctx.io.out(`  ${done.moved.join(', ')} moved with it to ${to}\n`);
  if (done.stayed.length) {
    ctx.io.out(`  note: ${done.stayed.join(', ')} ${done.stayed.length === 1 ? 'was' : 'were'} recorded with it and stay where they are (crm edit <ref> --client ${to} moves each)\n`);
  }
}
