// Reminders: follow-ups, personal notes to ask about, and feedback requests after a delivery.
import type { DB } from './store.js';
import type { NewReminder, Reminder } from '../domain/records.js';
import type { DateStr } from '../domain/types.js';

const SELECT = `SELECT r.id, r.client_id AS clientId, c.name AS clientName, r.interaction_id AS interactionId,
  r.delivery_id AS deliveryId, r.on_date AS "on", r.kind, r.text, r.done_on AS doneOn, r.snoozed_from AS snoozedFrom, r.voided_on AS voidedOn
  FROM reminders r JOIN clients c ON c.id = r.client_id`;

export function insertReminder(db: DB, r: NewReminder): Reminder {
  const id = Number(
    db
      .prepare(
        `INSERT INTO reminders (client_id, interaction_id, delivery_id, on_date, kind, text)
         VALUES (@clientId, @interactionId, @deliveryId, @on, @kind, @text)`,
      )
      .run({ interactionId: null, deliveryId: null, ...r }).lastInsertRowid,
  );
  return getReminder(db, id) as Reminder;
}

export function getReminder(db: DB, id: number): Reminder | undefined {
  return db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as Reminder | undefined;
}

/** Open reminders (or all with `all`), soonest first; done ones last. */
export function listReminders(db: DB, { all = false, clientId }: { all?: boolean; clientId?: number } = {}): Reminder[] {
  const where: string[] = ['r.voided_on IS NULL'];
  if (!all) where.push('r.done_on IS NULL');
  if (clientId !== undefined) where.push('r.client_id = @clientId');
  return db
    .prepare(
      `${SELECT} WHERE ${where.join(' AND ')}
       ORDER BY r.done_on IS NOT NULL, r.on_date, r.id`,
    )
    .all({ clientId }) as Reminder[];
}

export function markReminderDone(db: DB, id: number, on: DateStr): void {
  db.prepare('UPDATE reminders SET done_on = ? WHERE id = ? AND done_on IS NULL').run(on, id);
}

export function snoozeReminder(db: DB, id: number, until: DateStr): void {
  db.prepare('UPDATE reminders SET snoozed_from = coalesce(snoozed_from, on_date), on_date = ? WHERE id = ?').run(
    until,
    id,
  );
}
