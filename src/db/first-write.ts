// The first write to a database that does not exist yet: validated on a scratch in-memory database
// first, so bad input (exit 2) never creates a file or a folder. Used by the Ctx for writes.
import fs from 'node:fs';
import { openEmpty, type DB, type Store } from './store.js';

/** No database yet: the file is missing or 0 bytes. */
export function isBlank(file: string): boolean {
  try {
    const st = fs.statSync(file);
    return st.isFile() && st.size === 0;
  } catch {
    return true;
  }
}

/**
 * Before the database exists, each write is first tried on an empty in-memory database, so input
 * that fails validation (exit 2: unknown client, unknown invoice…) creates no file and no folder.
 * Only a write that passes creates the file and runs for real. (Write functions only touch the
 * database, so running one twice is safe.)
 */
export function createOnSuccess(file: string, open: () => Store): Store {
  let real: Store | undefined;
  const get = (): Store => (real ??= open());
  return {
    get db() {
      return get().db;
    },
    path: file,
    write<T>(fn: (db: DB) => T): T {
      if (!real) {
        const scratch = openEmpty();
        try {
          scratch.write(fn);
        } finally {
          scratch.close();
        }
      }
      return get().write(fn);
    },
    close() {
      real?.close();
      real = undefined;
    },
  };
}
