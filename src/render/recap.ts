// The recap printed after a conversation, written to be pasted into an email to the client.
// Plain text on purpose (no colour): it leaves the terminal. Returns a string; never prints.
import type { ChangeRequest, Interaction } from '../db/events.js';
import { localDate } from '../domain/dates.js';
import { safeText } from '../io/io.js';

const KIND: Record<string, string> = {
  email: 'email exchange',
  phone: 'call',
  video: 'video call',
  'in-person': 'meeting',
  chat: 'chat',
};

const OWNER: Record<string, string> = { me: 'me', client: 'you', both: 'both of us' };

export function renderRecap(clientName: string, i: Interaction, changes: ChangeRequest[]): string {
  const what = i.channel ? KIND[i.channel] ?? 'conversation' : 'conversation';
  const lines = [`Recap of our ${what} on ${localDate(i.at)} (${safeText(clientName)}):`, ''];
  if (i.summary) lines.push(`- We discussed: ${safeText(i.summary)}`);
  for (const c of changes) {
    const extra = [c.project && `project ${safeText(c.project)}`, c.hours !== null && `about ${c.hours} h`, c.unbilled && 'not billed']
      .filter(Boolean)
      .join(', ');
    lines.push(`- Change requested: ${safeText(c.summary)}${extra ? ` (${extra})` : ''}`);
  }
  if (i.nextStep) lines.push(`- Agreed next step: ${safeText(i.nextStep)} — owner: ${OWNER[i.nextOwner ?? 'me']}`);
  if (i.followUpOn) lines.push(`- Follow-up: ${i.followUpOn}`);
  if (lines.length === 2) lines.push('- (no summary recorded)');
  lines.push('', 'Let me know if I missed or misunderstood anything.');
  return lines.join('\n') + '\n';
}
