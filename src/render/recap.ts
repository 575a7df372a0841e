// The recap printed after a conversation, written to be pasted into an email to the client: what was
// discussed, the changes agreed, the next step and who owns it, the follow-up date. Plain text on
// purpose (no colour): it leaves the terminal. Internal notes (incidents, mood) never appear in it.
// Returns a string; never prints.

import type { ChangeRequest, Interaction } from '../domain/records.js';
import type { LogResult } from '../domain/log-plan.js';
import { isoWeekday, localDate, weekdayName } from '../domain/dates.js';
import type { DateStr, NextOwner } from '../domain/types.js';
import { safeText } from '../domain/text.js';
import { formatRef } from '../domain/refs.js';

const KIND: Record<string, string> = {
  email: 'email exchange',
  phone: 'call',
  video: 'video call',
  'in-person': 'meeting',
  chat: 'chat',
};

/** Worded for the reader of the email: the client is "you". */
const OWNER: Record<NextOwner, string> = { me: 'me', client: 'you', both: 'both of us' };

/** "2026-11-22 (Sunday)": ISO is unambiguous for a reader in any country; the weekday makes it human. */
export function dayLabel(date: DateStr): string {
  return `${date} (${weekdayName(isoWeekday(date))})`;
}

function changeLine(c: ChangeRequest): string {
  const extra = [c.project && `project ${safeText(c.project)}`, c.hours !== null && `about ${c.hours} h`, c.unbilled && 'no charge']
    .filter(Boolean)
    .join(', ');
  return `- Change agreed: ${safeText(c.summary)}${extra ? ` (${extra})` : ''}`;
}

/** `zone`: the user's time zone, which dates the conversation. */
export function renderRecap(clientName: string, i: Interaction, changes: ChangeRequest[], zone: string): string {
  const what = i.channel ? KIND[i.channel] ?? 'conversation' : 'conversation';
  const lines = [`Recap of our ${what} on ${dayLabel(localDate(i.at, zone))}, ${safeText(clientName)}:`, ''];
  lines.push(`- We discussed: ${i.summary ? safeText(i.summary) : '(no summary recorded)'}`);
  lines.push(...changes.map(changeLine));
  if (i.nextStep) lines.push(`- Agreed next step: ${safeText(i.nextStep)} — owner: ${OWNER[i.nextOwner ?? 'me']}`);
  if (i.followUpOn) lines.push(`- Follow-up: ${dayLabel(i.followUpOn)}`);
  lines.push('', 'Let me know if I missed or misunderstood anything.');
  return lines.join('\n') + '\n';
}

/** The references of what the wizard recorded besides the conversation, in the order it asks about them. */
function extraRefs(r: LogResult): string[] {
  return [
    ...r.changes.map((c) => formatRef('change', c.id)),
    ...r.incidents.map((i) => formatRef('incident', i.id)),
    ...r.disputes.map((d) => formatRef('dispute', d.id)),
    ...r.referrals.map((x) => formatRef('referral', x.id)),
  ];
}

/** " (with change:1, incident:2, incident:3)" for what the wizard recorded besides the conversation. */
export function alsoRecorded(r: LogResult): string {
  const refs = extraRefs(r);
  return refs.length ? ` (with ${refs.join(', ')})` : '';
}
