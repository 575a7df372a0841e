// What happens with a client over time: interactions, change requests, incidents, referrals and
// deliveries. Inserts and the lookups commands need; validation happens before these calls.
import type { DB } from './store.js';
import type { ChangeRequest, Delivery, Incident, Interaction, Referral } from '../domain/records.js';

const INTERACTION_COLUMNS = `id, client_id AS clientId, at, channel, direction, summary, mood, next_step AS nextStep, next_owner AS nextOwner,
  follow_up_on AS followUpOn, recorded_at AS recordedAt`;

export function insertInteraction(db: DB, i: Omit<Interaction, 'id'>): Interaction {
  const id = Number(
    db
      .prepare(
        `INSERT INTO interactions (client_id, at, channel, direction, summary, mood, next_step, next_owner, follow_up_on, recorded_at)
         VALUES (@clientId, @at, @channel, @direction, @summary, @mood, @nextStep, @nextOwner, @followUpOn, @recordedAt)`,
      )
      .run(i).lastInsertRowid,
  );
  return { id, ...i };
}

/** The most recent interaction with a client (by when it happened). */
export function lastInteraction(db: DB, clientId: number): Interaction | undefined {
  return db
    .prepare(`SELECT ${INTERACTION_COLUMNS} FROM live_interactions WHERE client_id = ? ORDER BY at DESC, id DESC LIMIT 1`)
    .get(clientId) as Interaction | undefined;
}

export function insertChange(db: DB, c: Omit<ChangeRequest, 'id'>): ChangeRequest {
  const id = Number(
    db
      .prepare(
        `INSERT INTO change_requests (client_id, interaction_id, summary, project, on_date, hours, unbilled)
         VALUES (@clientId, @interactionId, @summary, @project, @on, @hours, @unbilled)`,
      )
      .run({ ...c, unbilled: c.unbilled ? 1 : 0 }).lastInsertRowid,
  );
  return { id, ...c };
}

export function insertIncident(db: DB, i: Omit<Incident, 'id'>): Incident {
  const id = Number(
    db
      .prepare(
        `INSERT INTO incidents (client_id, interaction_id, kind, at, severity, note, warned)
         VALUES (@clientId, @interactionId, @kind, @at, @severity, @note, @warned)`,
      )
      .run({ ...i, warned: i.warned ? 1 : 0 }).lastInsertRowid,
  );
  return { id, ...i };
}

/** `referredClientId` (the client it brought in) may be left out: none. */
export function insertReferral(db: DB, r: Omit<Referral, 'id' | 'referredClientId'> & { referredClientId?: number | null }): Referral {
  const row = { ...r, referredClientId: r.referredClientId ?? null };
  const id = Number(
    db
      .prepare(
        `INSERT INTO referrals (client_id, interaction_id, on_date, note, referred_client_id)
         VALUES (@clientId, @interactionId, @on, @note, @referredClientId)`,
      )
      .run(row).lastInsertRowid,
  );
  return { id, ...row };
}

export function insertDelivery(db: DB, d: Omit<Delivery, 'id'>): Delivery {
  const id = Number(
    db.prepare('INSERT INTO deliveries (client_id, project, on_date) VALUES (@clientId, @project, @on)').run(d)
      .lastInsertRowid,
  );
  return { id, ...d };
}

/** Counts of each kind of record for one client, for `client show`. */
export function eventCounts(db: DB, clientId: number): Record<string, number> {
  return db
    .prepare(
      `SELECT (SELECT count(*) FROM live_interactions WHERE client_id = @id) AS interactions,
              (SELECT count(*) FROM live_invoices WHERE client_id = @id) AS invoices,
              (SELECT count(*) FROM live_change_requests WHERE client_id = @id) AS changeRequests,
              (SELECT count(*) FROM live_incidents WHERE client_id = @id) AS incidents,
              (SELECT count(*) FROM live_referrals WHERE client_id = @id) AS referrals,
              (SELECT count(*) FROM live_deliveries WHERE client_id = @id) AS deliveries`,
    )
    .get({ id: clientId }) as Record<string, number>;
}

/** Change requests recorded together with an interaction (for its recap). */
export function changesOfInteraction(db: DB, interactionId: number): ChangeRequest[] {
  const rows = db
    .prepare(
      `SELECT id, client_id AS clientId, interaction_id AS interactionId, summary, project, on_date AS "on", hours, unbilled
       FROM live_change_requests WHERE interaction_id = ? ORDER BY id`,
    )
    .all(interactionId) as (Omit<ChangeRequest, 'unbilled'> & { unbilled: number })[];
  return rows.map((r) => ({ ...r, unbilled: r.unbilled === 1 }));
}
