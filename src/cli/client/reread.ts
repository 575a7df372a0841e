// Reading back a client just written in the same transaction, for the command's output.
import type { Client } from '../../domain/records.js';
import { getClient } from '../../db/clients.js';
import type { DB } from '../../db/store.js';

/** The client as written. Missing means the write itself went wrong: a bug, not bad input. */
export function rereadClient(db: DB, id: number): Client {
  const c = getClient(db, id);
  if (!c) throw new Error(`client #${id} is missing right after it was written`);
  return c;
}
