// `crm due --ics`: a DueReport -> an RFC 5545 calendar, one all-day event per listed item; an
// overdue item is an event on asOf (today), the rest on their own day.
// Returns a string only; never reads the clock (DTSTAMP comes from the `now` passed in).
import { addDays, daysBetween } from '../domain/dates.js';
import { stripControls } from '../domain/text.js';
import { dueItems, type DueItem, type DueReport } from '../domain/due.js';
import type { DateStr, InstantStr } from '../domain/types.js';
import { cadence, lateness } from './due.js';
import { formatMoney } from '../domain/money.js';

export interface IcsOptions {
  /** The instant the calendar is generated: every event's DTSTAMP. */
  now: InstantStr;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/**
 * RFC 5545 §3.3.11 TEXT: escape backslash, semicolon, comma and newlines. Other control characters
 * are not allowed in TEXT at all (§3.3.11 excludes CONTROLs): they are dropped.
 */
export function escapeText(text: string): string {
  return stripControls(text.replace(/\r\n?/g, '\n'))
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
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
  /** The item's own date: when it fell (or falls) due. */
  due: DateStr;
  summary: string;
  /** What the item is; the due date and lateness are added by dueLine. */
  detail: string;
}

function eventText(entry: DueItem): EventText {
  switch (entry.type) {
    case 'check-in': {
      const c = entry.item;
      const last = c.lastContact ? `Last contact ${c.lastContact}` : 'Never contacted';
      return {
        // One UID per client, not per due date: the next check-in moves the same event.
        uid: `checkin-${c.client.id}@crm`,
        due: c.dueOn,
        summary: `Check in with ${c.client.name}`,
        detail: `${last}, ${cadence(c.cadenceDays)}.`,
      };
    }
    case 'invoice': {
      const inv = entry.item;
      return {
        uid: `invoice-${inv.number}@crm`,
        due: inv.dueOn,
        summary: `Chase invoice ${inv.number} (${inv.client.name})`,
        detail: `${formatMoney(inv.balance)} outstanding.`,
      };
    }
    case 'reminder': {
      const r = entry.item;
      return {
        uid: `reminder-${r.id}@crm`,
        due: r.on,
        summary: `${r.client.name}: ${r.text}`,
        detail: `Reminder #${r.id} (${r.kind}).`,
      };
    }
  }
}

/** "Due 2026-11-01: 21 days overdue as of 2026-11-22." — the original date survives the move to today. */
function dueLine(due: DateStr, daysOverdue: number, asOf: DateStr): string {
  return daysOverdue > 0 ? `Due ${due}: ${lateness(daysOverdue)} as of ${asOf}.` : `Due ${due}.`;
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
  // Every event is revised when the calendar is regenerated on a later day (overdue ones move to
  // that day), so the sequence grows with asOf: clients that compare SEQUENCE take the update.
  const sequence = daysBetween('1970-01-01', report.asOf);
  for (const entry of dueItems(report)) {
    const e = eventText(entry);
    // An overdue item sits on today, so a calendar's today view shows it; one still to come sits
    // on its own day. The UID does not change, so re-importing tomorrow moves the event.
    const day = entry.daysOverdue > 0 ? report.asOf : e.due;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${stamp}`,
      `SEQUENCE:${sequence}`,
      `DTSTART;VALUE=DATE:${icsDate(day)}`,
      `DTEND;VALUE=DATE:${icsDate(addDays(day, 1))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(`${e.detail}\n${dueLine(e.due, entry.daysOverdue, report.asOf)}`)}`,
      // A to-do marker, not a meeting: keep free/busy free.
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
