// The `crm due --cron` digest: a DueReport -> plain text for cron mail, most urgent first across
// all groups. No colour, no box drawing, no terminal assumptions; '' when nothing is due.
import { dueItems, type DueItem, type DueReport } from '../domain/due.js';
import { cadence, lateness } from './due.js';
import { oneLine } from '../domain/text.js';
import { formatMoney } from '../domain/money.js';

export interface DigestOptions {
  /** The --within the report was computed with; only changes the headline. */
  within: number;
}

function describe(entry: DueItem): string {
  switch (entry.type) {
    case 'check-in': {
      const c = entry.item;
      const last = c.lastContact ? `last contact ${c.lastContact}` : 'never contacted';
      return `Check in with ${oneLine(c.client.name)} (${last}, ${cadence(c.cadenceDays)})`;
    }
    case 'invoice': {
      const inv = entry.item;
      return (
        `Chase invoice ${oneLine(inv.number)} from ${oneLine(inv.client.name)}: ` +
        `${formatMoney(inv.balance)} outstanding (due ${inv.dueOn})`
      );
    }
    case 'reminder': {
      const r = entry.item;
      return `Reminder #${r.id} for ${oneLine(r.client.name)}: ${oneLine(r.text)} (${r.kind})`;
    }
  }
}

export function renderDigest(report: DueReport, { within }: DigestOptions): string {
  const items = dueItems(report);
  // Cron mails whatever a job prints; printing nothing is how "nothing due" sends no mail.
  if (items.length === 0) return '';
  const count = items.length === 1 ? '1 thing' : `${items.length} things`;
  const when = within > 0 ? `within ${within === 1 ? '1 day' : `${within} days`}` : 'today';
  const lines = [`crm: ${count} to do ${when} (as of ${report.asOf})`, ''];
  for (const entry of items) {
    lines.push(`- ${lateness(entry.daysOverdue)}: ${describe(entry)}`);
  }
  return lines.join('\n') + '\n';
}

