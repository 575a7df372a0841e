// Finding the reminder a `<id>` argument (`8` or `reminder:8`) names, for `remind done` and `remind snooze`.
import type { Reminder } from '../../domain/records.js';
import { parseId } from '../../domain/parse.js';
import { UsageError } from '../../domain/errors.js';
import { getReminder } from '../../db/reminders.js';
import type { DB } from '../../db/store.js';

export function findReminder(db: DB, idText: string): Reminder {
  // `8` or the reference `reminder:8` that crm due and crm history print.
  const id = parseId(idText.replace(/^\s*reminder\s*:\s*/i, ''), 'reminder id');
  const r = getReminder(db, id);
  if (!r) throw new UsageError(`no reminder #${id} (crm remind list --all shows them)`);
  if (r.voidedOn) throw new UsageError(`reminder #${r.id} was voided on ${r.voidedOn} (crm unvoid reminder:${r.id} takes that back)`);
  return r;
}

/** A reminder that is not done yet: one done is finished, not something to finish or move again. */
export function findOpenReminder(db: DB, idText: string): Reminder {
  const r = findReminder(db, idText);
  if (r.doneOn) throw new UsageError(`reminder #${r.id} is already done (on ${r.doneOn})`);
  return r;
}
