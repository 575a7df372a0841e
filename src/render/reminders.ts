// Human view of reminders. Returns strings; never prints.

import type { Reminder } from '../domain/records.js';
import { type Style } from './style.js';
import { clip, table } from './table.js';
import { daysBetween, relativeDays } from '../domain/dates.js';
import type { DateStr } from '../domain/types.js';

/** `width`: the terminal's; the widest columns shrink to fit it. */
export function renderReminderList(style: Style, reminders: Reminder[], today: DateStr, all: boolean, width = Infinity): string {
  if (reminders.length === 0) return all ? 'No reminders.\n' : 'No open reminders.\n';
  const rows = reminders.map((r) => {
    const ago = relativeDays(daysBetween(r.on, today));
    const when = r.doneOn ? style.dim(`done ${r.doneOn}`) : r.on < today ? style.red(ago) : r.on === today ? style.yellow(ago) : ago;
    return [String(r.id), r.on, when, r.kind, clip(r.clientName, 24), clip(r.text, 50)];
  });
  return table(style, ['ID', 'ON', 'WHEN', 'KIND', 'CLIENT', 'TEXT'], rows, { styled: true, width, flex: [5, 4], drop: [3, 1] });
}
