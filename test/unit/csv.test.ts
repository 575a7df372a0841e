// The pure pieces of CSV import and export: amounts as tools write them, --date-format patterns,
// the delimiter guess, file line numbers (CRLF inside quotes counts once), and RFC 4180 writing
// read back by csv-parse.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseCsvAmount, parseDateFormat, readPaidCell } from '../../src/domain/csv-values.js';
import { detectDelimiter, parseDelimiter, readCsv } from '../../src/domain/csv-read.js';
import { parseMap } from '../../src/domain/csv-map.js';
import { csvField, toCsv } from '../../src/domain/csv-write.js';

describe('parseCsvAmount', () => {
  it.each([
    ['1200', 'EUR', '.', 120000],
    ['1,200.50', 'EUR', '.', 120050],
    ['1.200,50', 'EUR', ',', 120050],
    ['1 200,5', 'EUR', ',', 120050],
    ['1\u00a0200,50 €', 'EUR', ',', 120050],
    ['1\u202f200,50', 'EUR', ',', 120050],
    ["CHF 1'234.55", 'CHF', '.', 123455],
    ['$2,400.00', 'USD', '.', 240000],
    ['EUR 99.90', 'EUR', '.', 9990],
    ['12.50 EUR', 'EUR', '.', 1250],
    ['¥120,000', 'JPY', '.', 120000],
    ['120000.00', 'JPY', '.', 120000], // trailing zeros are not decimals
    ['0,5', 'EUR', ',', 50],
    ['1.234.567,89', 'EUR', ',', 123456789],
  ] as const)('%s %s (decimal %s) = %i', (text, currency, decimal, minor) => {
    expect(parseCsvAmount(text, currency, decimal)).toBe(minor);
  });

  it.each([
    ['abc', 'EUR', '.', /is not a number/],
    ['1,20.50', 'EUR', '.', /is not a number/], // thousands in the wrong place
    ['1,200,50', 'EUR', ',', /is not a number/],
    ['1.200,50', 'EUR', '.', /a decimal comma\? add --decimal ,/],
    ['-50.00', 'EUR', '.', /is negative \(a credit note\?\)/],
    ['(50.00)', 'EUR', '.', /is negative/],
    ['−50', 'EUR', '.', /is negative/],
    ['0.00', 'EUR', '.', /is zero/],
    ['12.345', 'EUR', '.', /more decimals than EUR allows \(2\)/],
    ['12.5', 'JPY', '.', /more decimals than JPY allows \(0\)/],
    ['£12', 'EUR', '.', /is in GBP, but the row's currency is EUR/],
    ['1e5', 'EUR', '.', /is not a number/],
  ] as const)('%s %s (decimal %s) is refused', (text, currency, decimal, said) => {
    expect(() => parseCsvAmount(text, currency, decimal)).toThrow(said);
  });
});

describe('parseDateFormat', () => {
  it.each([
    ['DD/MM/YYYY', '03/04/2026', '2026-04-03'],
    ['MM/DD/YYYY', '03/04/2026', '2026-03-04'],
    ['D.M.YYYY', '3.4.2026', '2026-04-03'],
    ['D.M.YYYY', '03.04.2026', '2026-04-03'],
    ['YYYY-MM-DD', '2026-04-03', '2026-04-03'],
    ['YYYY-MM-DD', '2026-04-03T23:59:00-08:00', '2026-04-03'],
    ['DD/MM/YY', '29/02/24', '2024-02-29'],
    ['YYYYMMDD', '20260403', '2026-04-03'],
    ['MM/DD/YYYY', '4/3/2026 2:30 PM', '2026-04-03'], // one digit where a separator follows
    ['YYYYMMDD', '2026043', null], // packed: two digits each
    ['M/D/YYYY', '4/3/2026 2:30 PM', '2026-04-03'],
    ['DD MM YYYY', '03 04 2026', '2026-04-03'],
  ] as const)('%s reads %s as %s', (format, text, date) => {
    const reader = parseDateFormat(format);
    if (date === null) expect(() => reader.read(text, 'issued')).toThrow(/is not a date in the form/);
    else expect(reader.read(text, 'issued')).toBe(date);
  });

  it('refuses impossible dates and bad formats', () => {
    expect(() => parseDateFormat('DD/MM/YYYY').read('31/02/2026', 'due')).toThrow("due '31/02/2026' is not a real calendar date (read as DD/MM/YYYY)");
    expect(() => parseDateFormat('DD/MM/YY').read('29/02/25', 'due')).toThrow(/not a real calendar date/);
    expect(() => parseDateFormat('DD/MM')).toThrow(/needs a year, a month and a day once each/);
    expect(() => parseDateFormat('DD/MM/YYYY/YY')).toThrow(/once each/);
    expect(parseDateFormat('dd/mm/yyyy').read('03/04/2026', 'due')).toBe('2026-04-03');
    expect(() => parseDateFormat('DD/MM/YYYY hh')).toThrow(/'h', which is not a date part/);
  });

  it('a paid cell: yes/no words, a date, or an amount', () => {
    const iso = parseDateFormat();
    expect(readPaidCell('Yes', iso)).toEqual({ kind: 'full', on: null });
    expect(readPaidCell('unpaid', iso)).toEqual({ kind: 'none' });
    expect(readPaidCell('2026-03-01', iso)).toEqual({ kind: 'full', on: '2026-03-01' });
    expect(readPaidCell('150.00', iso)).toEqual({ kind: 'amount', text: '150.00' });
  });
});

describe('reading', () => {
  it('guesses the delimiter from the header line, outside quotes', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('"x;y",b,c\n')).toBe(',');
    expect(detectDelimiter('\uFEFFa\tb\tc\r\n')).toBe('\t');
    expect(detectDelimiter('single\n')).toBe(',');
    expect(parseDelimiter('tab')).toBe('\t');
    expect(() => parseDelimiter(';;')).toThrow(/not a field separator/);
  });

  it('numbers each row by the file line it starts on: embedded CRLF, blank lines and a BOM counted right', () => {
    const text = '\uFEFFn;c\r\n1;"two\r\nlines"\r\n\r\n2;x\r\n;\r\n3;"a\nb\nc"\n4;y';
    const t = readCsv(Buffer.from(text), 'f.csv');
    expect(t.delimiter).toBe(';');
    expect(t.header).toEqual(['n', 'c']);
    expect(t.rows).toEqual([
      { line: 2, cells: ['1', 'two\r\nlines'] },
      { line: 5, cells: ['2', 'x'] },
      { line: 7, cells: ['3', 'a\nb\nc'] }, // line 6 is ';', a row with every cell blank
      { line: 10, cells: ['4', 'y'] },
    ]);
  });

  it('an empty file and a broken quote are refused', () => {
    expect(() => readCsv(Buffer.from(''), 'e.csv')).toThrow(/e\.csv is empty/);
    expect(() => readCsv(Buffer.from('a,b\n1,"x"y\n'), 'q.csv')).toThrow(/q\.csv: line 2: not readable as CSV/);
  });

  it('--map accepts paid_on / PaidOn spellings and refuses a field named twice', () => {
    expect(parseMap('number=A,client=B,amount=C,issued=D,paid_on=E')).toMatchObject({ paidOn: 'E' });
    expect(() => parseMap('number=A,client=B,amount=C,issued=D,Number=E')).toThrow('--map names number twice');
    expect(() => parseMap('number=A,client=B,amount=,issued=D')).toThrow('--map: amount needs a column name');
  });
});

describe('writing (RFC 4180)', () => {
  it('quotes only what needs it and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Smith, Jones')).toBe('"Smith, Jones"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(null)).toBe('');
    expect(csvField(0)).toBe('0');
  });

  it('writes what csv-parse reads back exactly', () => {
    const awkward = [['Café Zoë', 'a,b', '"quoted"', 'x\r\ny', ''], ['東京', ' lead', 'trail ', '=SUM(A1)', '1.50']];
    const text = toCsv(['a', 'b', 'c', 'd', 'e'], awkward);
    expect(text.startsWith('\uFEFFa,b,c,d,e\r\n')).toBe(true);
    expect(parse(text, { bom: true })).toEqual([['a', 'b', 'c', 'd', 'e'], ...awkward]);
  });
});
