// `crm edit`'s command line: the flags of every recording command, each applying to the records it
// records (domain/edit.ts EDIT_FLAGS says which), and the help that says so.
import { Command } from '@commander-js/extra-typings';
import { examples } from '../shared.js';
import { EDIT_FLAGS } from '../../domain/edit.js';
import { RECORD_TYPES } from '../../domain/refs.js';

export function editCommand() {
  return examples(
    new Command('edit')
      .description('change a recorded record, validated as when it was recorded; the previous values stay in the audit trail')
      .argument('<ref>', 'the record: interaction:12, invoice:INV-0007, payment:31, dispute:4, change:9, incident:3, referral:2, delivery:5, reminder:8')
      .option('--client <client>', 'move it to another client (name, prefix or id)')
      .option('--at <datetime>', "interaction: when it happened (15:00, 'yesterday 15:00', 2026-11-20 14:30)")
      .option('--channel <channel>', "interaction: email, phone, video, in-person or chat ('' clears)")
      .option('--direction <dir>', 'interaction: in or out')
      .option('--summary <text>', "interaction, change: what was discussed or changed ('-' reads stdin)")
      .option('--mood <mood>', "interaction: positive, neutral or negative ('' clears)")
      .option('--next <text>', "interaction: the agreed next step ('' clears)")
      .option('--owner <who>', 'interaction: who owns the next step: me, client or both')
      .option('--amount <money>', 'invoice, payment: the amount')
      .option('--currency <code>', 'invoice: the currency (not once money was paid or conceded on it)')
      .option('--number <number>', 'invoice: its number')
      .option('--issued <date>', 'invoice: issue date')
      .option('--due <date>', 'invoice: due date')
      .option('--terms <days>', 'invoice: due this many days after the issue date')
      .option('--project <name>', "invoice, change, delivery: the project ('' clears)")
      .option('--on <date>', 'payment, dispute, change, referral, delivery, reminder: the date; incident: the date-time')
      .option('--reason <text>', 'dispute: what the client objects to')
      .option('--outcome <outcome>', 'resolved dispute: upheld, discounted or written-off')
      .option('--conceded <money>', 'resolved dispute, discounted: the amount given up')
      .option('--resolved-on <date>', 'resolved dispute: the date it was resolved')
      .option('--hours <n>', "change: estimated extra hours ('' clears)")
      .option('--unbilled', 'change: you are absorbing it without billing')
      .option('--billed', 'change: it is billed after all')
      .option('--kind <kind>', 'incident: its kind; reminder: follow-up, personal or feedback')
      .option('--severity <level>', 'incident: low, medium or high')
      .option('--note <text>', "incident, referral: the note ('' clears, '-' reads stdin)")
      .option('--warned', 'incident: you told the client this is not acceptable')
      .option('--not-warned', 'incident: you did not')
      .option('--referred <client>', 'referral: the client it brought in')
      .option('--no-referred', 'referral: it brought in no client (that crm knows)')
      .option('--text <text>', "reminder: what to do ('-' reads stdin)")
      .option('--json', 'print the edited record as JSON, with its changes')
      .addHelpText('after', `\nWhat each record takes:\n${RECORD_TYPES.map((t) => flagLine(t, EDIT_FLAGS[t])).join('\n')}`),
    [
      'crm edit invoice:INV-0007 --amount 1,000',
      'crm edit interaction:12 --client globex',
      'crm edit change:9 --billed',
      'crm edit incident:3 --kind other --note "a misunderstanding, cleared up"',
    ],
  );
}

export type EditOptions = ReturnType<ReturnType<typeof editCommand>['opts']>;

/** `  invoice      --client --amount …`, wrapped under its flags to stay within 80 columns. */
function flagLine(type: string, flags: readonly string[]): string {
  const lines = [`  ${type.padEnd(12)}`];
  for (const flag of flags) {
    const last = lines.length - 1;
    if ((lines[last] ?? '').length + 1 + flag.length > 80) lines.push(' '.repeat(14));
    lines[lines.length - 1] += ` ${flag}`;
  }
  return lines.join('\n');
}
