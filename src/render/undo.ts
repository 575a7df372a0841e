// What `crm undo` and `crm redo` print: the command reverted, one line per record it touched, what
// that means for invoices and clients; and their JSON. Pure: the outcome in, strings out.
import type { Effect, Outcome, Reverted } from '../domain/undo.js';
import { formatMoney } from '../domain/money.js';
import { safeText } from '../domain/text.js';
import { toLocalIso, toLocalMinute } from '../domain/dates.js';
import { hanging, wrap } from './fit.js';

export interface UndoView {
  verb: 'undo' | 'redo';
  dryRun: boolean;
  zone: string;
  columns: number;
  /** How many commands the journal keeps (JOURNAL_KEEP). */
  keep: number;
}

/** Column names as words: `status_on` → `status on`. */
const field = (column: string): string => column.replaceAll('_', ' ');

function nothing(why: Exclude<Outcome, { done: true }>['why'], keep: number): string {
  switch (why) {
    case 'empty':
      return 'Nothing to undo.';
    case 'all-undone':
      return 'Nothing more to undo: every command in the journal is undone (crm redo takes the last undo back).';
    case 'trimmed':
      return `Nothing older can be undone (crm keeps the last ${keep} commands).`;
    case 'no-undo':
      return 'Nothing to redo: only the latest undo can be redone, before any other change.';
  }
}

function effectLine(e: Effect): string {
  if (e.kind === 'client') return `${safeText(e.name)} is ${e.status}.`;
  const money = formatMoney(e.balance, e.currency);
  const number = safeText(e.number);
  if (e.voided) return `${number} is void.`;
  switch (e.status) {
    case 'paid':
      return `${number} is paid in full.`;
    case 'written-off':
      return `${number} is written off.`;
    case 'disputed':
      return `${number} is disputed; ${money} to pay.`;
    case 'open':
      return `${number}: ${money} to pay.`;
  }
}

export function renderUndo(o: Outcome, v: UndoView): string {
  if (!o.done) return wrap(nothing(o.why, v.keep), v.columns) + '\n';
  const head = v.dryRun ? `Would ${v.verb}: ` : v.verb === 'undo' ? 'Undid: ' : 'Redid: ';
  const lines = [hanging(head, `${safeText(o.entry.command)} (${toLocalMinute(o.entry.at, v.zone)})`, v.columns)];
  const verb = (a: Reverted['action']): string => (v.dryRun ? { removed: 'remove', restored: 'restore', 'brought back': 'bring back' }[a] : a);
  for (const c of o.changes) {
    const fields = c.fields.length > 0 ? ` (${c.fields.map(field).join(', ')})` : '';
    lines.push(hanging('  ', `${verb(c.action)} ${safeText(c.what)}${fields}`, v.columns));
  }
  for (const e of o.effects) lines.push(wrap(effectLine(e), v.columns));
  if (v.dryRun) lines.push(`Nothing was changed (--dry-run); crm ${v.verb} does it.`);
  return lines.join('\n') + '\n';
}

/** `{"undone"|"redone": {id, command, at}, "changes": [{ref, what, action, fields}], "dryRun"}`; null when there was nothing. */
export function undoDto(o: Outcome, v: Pick<UndoView, 'verb' | 'dryRun' | 'zone'>) {
  const key = v.verb === 'undo' ? 'undone' : 'redone';
  if (!o.done) return { [key]: null, changes: [], dryRun: v.dryRun, nothing: o.why };
  return {
    [key]: { id: o.entry.id, command: o.entry.command, at: toLocalIso(o.entry.at, v.zone) },
    changes: o.changes.map((c) => ({ ref: c.ref, what: c.what, action: c.action, fields: c.fields })),
    dryRun: v.dryRun,
  };
}

/** `crm undo --forget`. */
export function renderForget(n: number, dryRun: boolean, columns: number): string {
  const what = `${n} command${n === 1 ? '' : 's'}`;
  const text = dryRun
    ? `Would forget the undo journal (${what}); nothing was changed (--dry-run).`
    : n === 0
      ? 'The undo journal is empty; nothing to forget.'
      : `Forgot the undo journal (${what}): nothing before now can be undone, and what those commands erased is gone from the file.`;
  return wrap(text, columns) + '\n';
}
