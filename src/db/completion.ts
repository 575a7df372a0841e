// Client names for shell completion: one read-only query, no migrations, no journal, no lock
// wait. Anything unexpected (no file, not a crm database, a lock) gives no names: completion must
// never print an error into the shell.
import Database from 'better-sqlite3';
import { APPLICATION_ID } from './identity.js';

/** Every client's name (archived and fired too, as `<client>` accepts them), or [] when the file is not a crm database. */
export function clientNamesForCompletion(file: string): string[] {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: 200 });
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) return [];
    return db.prepare('SELECT name FROM clients ORDER BY name').pluck().all() as string[];
  } catch {
    return [];
  } finally {
    db?.close();
  }
}
