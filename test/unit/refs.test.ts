// Record references as typed by a person and parsed by a script.
import { describe, expect, test } from 'vitest';
import { RECORD_TYPES, formatRef, parseRef, parseTypes } from '../../src/domain/refs.js';
import { UsageError } from '../../src/domain/errors.js';

describe('parseRef', () => {
  test.each([
    ['interaction:12', 'interaction', '12'],
    ['invoice:INV-0007', 'invoice', 'INV-0007'],
    ['invoice:7', 'invoice', '7'],
    ['Payment:31', 'payment', '31'],
    [' change : 9 ', 'change', '9'],
    ['invoice:2024/001:b', 'invoice', '2024/001:b'],
  ])('%s', (text, type, key) => {
    expect(parseRef(text)).toEqual({ type, key });
  });

  test('every record type round-trips through formatRef', () => {
    for (const t of RECORD_TYPES) expect(parseRef(formatRef(t, 42))).toEqual({ type: t, key: '42' });
  });

  test.each([
    ['12', /not a record reference/],
    ['', /not a record reference/],
    ['interaction:', /not a record reference/],
    ['client:3', /'client:3' is a client, not a record; change a client with crm client edit/],
    ['status:2', /'status:2' is a status change, kept as history; record a new one with crm client reactivate/],
    ['project:3', /unknown record type 'project'.*interaction, invoice/],
    ['invoices:3', /unknown record type/],
    ['interaction:abc', /an interaction is named by its number/],
    ['payment:0', /a payment is named by its number/],
    ['payment:-1', /payment is named by its number/],
    ['payment:1.5', /payment is named by its number/],
    ['incident:99999999999999999', /incident is named by its number/],
  ])('%j is refused with exit 2: %s', (text, message) => {
    expect(() => parseRef(text)).toThrow(UsageError);
    expect(() => parseRef(text)).toThrow(message);
  });
});

describe('parseTypes', () => {
  const accepted = ['interaction', 'invoice', 'status'] as const;
  test('a comma list, trimmed, case-folded, without repeats', () => {
    expect(parseTypes(' Invoice, status ,invoice', accepted)).toEqual(['invoice', 'status']);
    expect(parseTypes(undefined, accepted)).toBeNull();
  });
  test('an unknown or empty list names what is accepted', () => {
    expect(() => parseTypes('invoice,call', accepted)).toThrow(/--type 'call' is not a record type; use one or more of interaction, invoice, status/);
    expect(() => parseTypes(' , ', accepted)).toThrow(/--type is empty/);
  });
});
