// Quoting a word for /bin/sh (and bash, zsh): the one quoting function behind the command lines
// crm prints or records (the undo journal, `crm demo`'s hints, the crontab entry) and the
// completion scripts' data. Pure.

/** Characters a word may hold and still read the same to a shell unquoted. */
const PLAIN = /^[\w@%+=:,./-]+$/;

/** `'it'\''s'`: single-quoted, a `'` inside closed, escaped and reopened. */
export const singleQuote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;

/** The word as a shell needs it typed: plain words stay as they are, anything else single-quoted. */
export const shellQuote = (word: string): string => (PLAIN.test(word) ? word : singleQuote(word));
