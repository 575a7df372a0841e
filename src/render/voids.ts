// What `crm void` and `crm unvoid` print: the confirmation with what else happened, and the JSON
// document. Pure: strings in, strings out.
import type { VoidOutcome, VoidSubject } from '../domain/voids.js';
import { localDate } from '../domain/dates.js';
import { formatMoney } from '../domain/money.js';
import { oneLine } from '../domain/text.js';
import { clip } from './table.js';
import { wrap } from './fit.js';

/** The record's own text is cut to this many columns; the reason is what the line is about. */
const WHAT_MAX = 40;

/** "verbal abuse, 2026-10-02, Acme Corp": which record it is, in the words it was recorded with. */
function describe(o: VoidOutcome, zone: string): string {
  const s: VoidSubject = o.subject;
  const money = s.money === null ? null : formatMoney(s.money);
  const what = s.what === null ? '' : clip(s.what, WHAT_MAX);
  let head: string;
  switch (o.record.type) {
    case 'payment': head = `${money ?? ''} on ${s.invoice ?? ''}`; break;
    case 'invoice': head = [money, what].filter((p) => p).join(', '); break;
    case 'dispute': head = `on ${s.invoice ?? ''}${what ? `: ${what}` : ''}`; break;
    default: head = what;
  }
  const on = s.on.length > 10 ? localDate(s.on, zone) : s.on;
  return [head, on, clip(o.record.clientName, WHAT_MAX)].filter((p) => p !== '').join(', ');
}

const plural = (refs: string[], one: string, many: string): string => (refs.length === 1 ? one : many);

/** The lines after the first: what went with the record, and what it left counting. */
function consequences(o: VoidOutcome, voided: boolean): string[] {
  const lines: string[] = [];
  if (o.also.length > 0) {
    lines.push(voided
      ? `  also voided ${o.also.join(', ')} (${plural(o.also, 'the open reminder', 'the open reminders')} recorded with it)`
      : `  also brought back ${o.also.join(', ')} (voided together with it)`);
  }
  if (o.recordedWith.length > 0) {
    const them = o.recordedWith.join(', ');
    lines.push(plural(o.recordedWith,
      `  ${them} was recorded with it and still counts; void it too if it was part of the mistake`,
      `  ${them} were recorded with it and still count; void them too if they were part of the mistake`));
  }
  if (o.hidden.length > 0) {
    lines.push(`  ${o.hidden.join(', ')} on it ${plural(o.hidden, 'counts', 'count')} nowhere while the invoice is void`);
  }
  return lines;
}

/** `Voided incident:3 (verbal abuse, 2026-10-02, Acme Corp): recorded by mistake`, and what else happened. */
export function renderVoid(o: VoidOutcome, zone: string, width = Infinity): string {
  const first = `Voided ${o.record.ref} (${describe(o, zone)}): ${oneLine(o.record.voidReason ?? '')}`;
  return wrap([first, ...consequences(o, true)].join('\n'), width) + '\n';
}

/** `Unvoided incident:3 (…); it counts again`, and the reminders brought back with it. */
export function renderUnvoid(o: VoidOutcome, zone: string, width = Infinity): string {
  const first = `Unvoided ${o.record.ref} (${describe(o, zone)}); it counts again`;
  return wrap([first, ...consequences(o, false)].join('\n'), width) + '\n';
}

/** The JSON document of both commands. */
export function voidDto(o: VoidOutcome) {
  return {
    ref: o.record.ref,
    type: o.record.type,
    voided: o.record.voidedOn !== null,
    voidedOn: o.record.voidedOn,
    voidReason: o.record.voidReason,
    client: { id: o.record.clientId, name: o.record.clientName },
    also: o.also,
    recordedWith: o.recordedWith,
  };
}
