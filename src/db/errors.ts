// Turning SQLite's error codes into one line a user can act on.

/** A one-line message for an SQLite error, or null when `e` is not one. */
export function describeSqliteError(e: unknown, dbPath: () => string): string | null {
  const code = (e as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  const file = dbPath();
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return `another crm is writing to ${file}; nothing was written, try again in a moment`;
  }
  if (code.startsWith('SQLITE_FULL')) return `the disk is full (or the database reached its size limit); nothing was written`;
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) {
    return `${file} is corrupt or not a crm database; restore it from a backup`;
  }
  if (code.startsWith('SQLITE_READONLY')) return `${file} is read-only; nothing was written`;
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_PERM')) {
    return `cannot read or write ${file} (${code}); check the path and its permissions`;
  }
  return `database error (${code}): ${(e as Error).message}`;
}
