// Helpers `client add` and `client edit` share: the field options and the unique-name check.
import type { Command, OptionValues } from '@commander-js/extra-typings';
import type { ClientFlags } from '../../domain/client-input.js';
import { UsageError, quote } from '../../domain/errors.js';
import { findByNameKey } from '../../db/clients.js';
import type { DB } from '../../db/store.js';

/** What addFieldOptions declares, as commander hands it to an action. */
export type FieldFlags = Omit<ClientFlags, 'name'> & { noteFile?: string };

/** The options for a client's fields, in --help order. */
export function addFieldOptions<A extends unknown[], O extends OptionValues, G extends OptionValues>(cmd: Command<A, O, G>) {
  return cmd
    .option('--email <email>', 'email address')
    .option('--phone <phone>', 'phone number')
    .option('--company <company>', 'company name')
    .option('--channel <channel>', 'preferred channel: email, phone, video, in-person, chat')
    .option('--cadence <duration>', 'how often to check in: 10d, 2w, 1m (30 days) or days')
    .option('--timezone <zone>', "the client's IANA time zone, e.g. Europe/Oslo")
    .option('--note <text>', "a note about the client ('-' reads it from stdin)")
    .option('--note-file <file>', 'read the note from a file');
}

export function assertNameFree(db: DB, key: string, name: string, exceptId?: number): void {
  const other = findByNameKey(db, key);
  if (other && other.id !== exceptId) {
    throw new UsageError(`a client named ${quote(other.name)} already exists (#${other.id}); names are unique regardless of case`);
  }
}
