// quote(): how a user's value appears in a one-line error: short, and free of anything a terminal obeys.
import { describe, expect, it } from 'vitest';
import { quote } from '../../src/domain/errors.js';

describe('quote', () => {
  it('keeps short values whole', () => {
    expect(quote('acme')).toBe("'acme'");
  });
  it('cuts a long value in the middle, so a path keeps its file name', () => {
    const path = `/home/someone/${'very-long-folder/'.repeat(6)}crm.db`;
    const q = quote(path);
    expect([...q].length).toBe(62); // 60 characters and the quotes
    expect(q.startsWith("'/home/someone/very")).toBe(true);
    expect(q.endsWith("folder/crm.db'")).toBe(true);
    expect(q).toContain('…');
  });
  it('shows control, zero-width and bidirectional characters instead of obeying them', () => {
    expect(quote('a\u001b[31mb')).toBe("'a\\x1b[31mb'");
    expect(quote('a\u202eb\u200bc')).toBe("'a\\u{202e}b\\u{200b}c'");
  });
});
