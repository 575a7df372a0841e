// What `crm import` of a crm export says: one line, then per record type what was added and what
// was already there. Returns the string; src/cli/import/jsonl.ts prints it.
import type { Style } from './style.js';
import { table } from './table.js';
import { DUMP_TYPES, type DumpType } from '../domain/dump-format.js';
import type { Counts } from '../domain/dump-plan.js';

const PLURAL: Record<DumpType, [string, string]> = {
  client: ['client', 'clients'], status: ['status change', 'status changes'], interaction: ['interaction', 'interactions'],
  invoice: ['invoice', 'invoices'], payment: ['payment', 'payments'], dispute: ['dispute', 'disputes'],
  change: ['change request', 'change requests'], incident: ['incident', 'incidents'], referral: ['referral', 'referrals'],
  delivery: ['delivery', 'deliveries'], reminder: ['reminder', 'reminders'], correction: ['correction', 'corrections'],
};

const sum = (c: Counts): number => DUMP_TYPES.reduce((n, t) => n + c[t], 0);
const counted = (n: number, t: DumpType): string => `${n} ${PLURAL[t][n === 1 ? 0 : 1]}`;

export interface Summary {
  name: string;
  dryRun: boolean;
  added: Counts;
  existing: Counts;
}

export function renderSummary(style: Style, s: Summary): string {
  const added = DUMP_TYPES.filter((t) => s.added[t] > 0).map((t) => counted(s.added[t], t));
  const there = sum(s.existing);
  const thereText = there === 0 ? '' : `; ${there} already there`;
  const what = added.length === 0
    ? `${s.dryRun ? 'nothing to add' : 'nothing new'}${thereText}`
    : `${s.dryRun ? 'would add ' : ''}${added.join(', ')}${s.dryRun ? '' : ' added'}${thereText}`;
  const head = s.dryRun ? `Dry run of ${s.name}: ${what}; nothing was written.` : `Imported ${s.name}: ${what}.`;
  const rows = DUMP_TYPES.filter((t) => s.added[t] + s.existing[t] > 0).map((t) => [PLURAL[t][1], s.added[t], s.existing[t]]);
  if (rows.length === 0) return `${head}\n`;
  return `${head}\n\n${table(style, ['records', s.dryRun ? 'would add' : 'added', 'already there'], rows)}`;
}
