// `crm due --ics`: a DueReport -> an RFC 5545 calendar, one all-day event per listed item.
// Returns a string only; never reads the clock (DTSTAMP comes from the `now` passed in).
import { addDays } from '../domain/dates.js';
import { dueItems, type DueItem, type DueReport } from '../domain/due.js';
import type { DateStr, InstantStr } from '../domain/types.js';
import { cadence, lateness, money } from './due.js';

export interface IcsOptions {
  /** The instant the calendar is generated: every event's DTSTAMP. */
  now: InstantStr;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** RFC 5545 §3.3.11 TEXT: escape backslash, semicolon, comma and newlines. */
export function escapeText(text: string): string {
  return (
    text
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // Other control characters are not allowed in TEXT at all (§3.3.11 excludes CONTROLs).
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  );
}

/**
 * RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF + one space (which counts
 * toward the next line's 75). Splits only between code points, so UTF-8 stays valid per line.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = ' ';
      octets = 1;
      limit = MAX_OCTETS;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

function icsDate(date: DateStr): string {
  return date.replace(/-/g, '');
}

function icsStamp(now: InstantStr): string {
  const t = new Date(now);
  if (Number.isNaN(t.getTime())) throw new RangeError(`not an ISO instant: ${JSON.stringify(now)}`);
  // 2026-11-22T09:30:00.000Z -> 20261122T093000Z (UTC form, §3.3.5 FORM #2).
  return t.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

interface EventText {
  uid: string;
  date: DateStr;
  summary: string;
  description: string;
}

function eventText(entry: DueItem, asOf: DateStr): EventText {
  const when = `${lateness(entry.daysOverdue)} as of ${asOf}`;
  switch (entry.type) {
    case 'check-in': {
      const c = entry.item;
      const last = c.lastContact ? `Last contact ${c.lastContact}` : 'Never contacted';
      return {
        // One UID per client, not per due date: the next check-in moves the same event.
        uid: `checkin-${c.client.id}@crm`,
        date: c.dueOn,
        summary: `Check in with ${c.client.name}`,
        description: `${last}, ${cadence(c.cadenceDays)}.\n${when}.`,
      };
    }
    case 'invoice': {
      const inv = entry.item;
      return {
        uid: `invoice-${inv.number}@crm`,
        date: inv.dueOn,
        summary: `Chase invoice ${inv.number} (${inv.client.name})`,
        description: `${money(inv.balance)} outstanding, due ${inv.dueOn}.\n${when}.`,
      };
    }
    case 'reminder': {
      const r = entry.item;
      return {
        uid: `reminder-${r.id}@crm`,
        date: r.on,
        summary: `${r.client.name}: ${r.text}`,
        description: `Reminder #${r.id} (${r.kind}).\n${when}.`,
      };
    }
  }
}

export function renderIcs(report: DueReport, { now }: IcsOptions): string {
  const stamp = icsStamp(now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//crm//crm due//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:crm due',
  ];
  for (const entry of dueItems(report)) {
    const e = eventText(entry, report.asOf);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${stamp}`,
      // Events sit on the day the item fell due, so re-importing tomorrow leaves them in place.
      `DTSTART;VALUE=DATE:${icsDate(e.date)}`,
      `DTEND;VALUE=DATE:${icsDate(addDays(e.date, 1))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      // A to-do marker, not a meeting: keep free/busy free.
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
