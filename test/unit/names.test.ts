// Client names and `<client>` resolution: exact (case-insensitive, NFC), id, unique prefix;
// ambiguous and unknown references fail with candidates / nearest names.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nameKey, nearestNames, normalizeName, resolveClient, validateName } from '../../src/domain/names.js';
import { UsageError } from '../../src/domain/errors.js';
import { usageMessage } from '../helpers/checks.js';

const NFC_ZOE = 'Zo\u00eb'; // ë as one code point
const NFD_ZOE = 'Zoe\u0308'; // e + combining diaeresis

const clients = [
  { id: 1, name: 'Acme Corp' },
  { id: 2, name: 'Acme Labs' },
  { id: 3, name: 'Globex' },
  { id: 4, name: NFC_ZOE },
  { id: 5, name: '100%_Agency' },
  { id: 6, name: '1000 Agency' },
  { id: 7, name: 'Initech' },
  { id: 8, name: '42' },
  { id: 9, name: 'Acme' },
];


const resolve = (ref: string): number => resolveClient(ref, clients).id;

describe('resolveClient finds the client', () => {
  it.each([
    ['Acme Corp', 1, 'exact name'],
    ['acme corp', 1, 'exact, other case'],
    ['ACME CORP', 1, 'exact, upper case'],
    ['  Globex  ', 3, 'surrounding spaces ignored'],
    ['Acme', 9, 'an exact name wins over being a prefix of others'],
    [NFC_ZOE, 4, 'NFC'],
    [NFD_ZOE, 4, 'NFD typed, NFC stored'],
    ['ZOË', 4, 'upper case with diaeresis'],
    ['ZOE\u0308', 4, 'upper case NFD'],
    ['3', 3, 'id when all digits'],
    ['7', 7, 'id'],
    ['42', 8, 'an exact name wins over an id'],
    ['glo', 3, 'unique prefix'],
    ['INI', 7, 'unique prefix, other case'],
    ['Acme L', 2, 'unique prefix with a space'],
    ['zo', 4, 'prefix of an accented name'],
    ['100%', 5, '% is a literal character'],
    ['100%_', 5, '_ is a literal character'],
    ['1000', 6, 'digits that are no id fall back to a prefix'],
  ])('%j -> #%d (%s)', (ref, id) => {
    expect(resolve(ref)).toBe(id);
  });

  it('stored NFD names are found by NFC references too', () => {
    expect(resolveClient(NFC_ZOE, [{ id: 1, name: NFD_ZOE }]).id).toBe(1);
  });
});

describe('resolveClient refuses what it cannot pin down', () => {
  it('ambiguous prefix: exit-2 error listing every candidate with its id', () => {
    const msg = usageMessage(() => resolve('ac'));
    expect(msg).toMatch(/'ac' is ambiguous/);
    expect(msg).toContain('Acme (#9)');
    expect(msg).toContain('Acme Corp (#1)');
    expect(msg).toContain('Acme Labs (#2)');
  });

  it('unknown: suggests the nearest names', () => {
    const msg = usageMessage(() => resolve('Globx'));
    expect(msg).toMatch(/no client matches 'Globx'/);
    expect(msg).toMatch(/did you mean 'Globex'/);
  });

  it('unknown typo of a two-word name suggests it', () => {
    expect(usageMessage(() => resolve('Acme Crop'))).toMatch(/did you mean .*'Acme Corp'/);
  });

  it('unknown with nothing close: no random suggestions', () => {
    const msg = usageMessage(() => resolve('Wayne Enterprises'));
    expect(msg).toMatch(/^no client matches 'Wayne Enterprises'$/);
  });

  it('with no clients at all, says how to add one', () => {
    expect(usageMessage(() => resolveClient('acme', []))).toMatch(/no clients yet \(crm client add NAME\)/);
  });

  it.each(['', '   '])('an empty reference %j is an error', (ref) => {
    expect(usageMessage(() => resolve(ref))).toMatch(/client is empty/);
  });

  it.each([
    ['%', 'a lone % matches nothing (it is not a wildcard)'],
    ['_', 'a lone _ matches nothing'],
    ['100_', '_ does not stand for any one character'],
    ['A%', '% does not stand for any run of characters'],
    ['%Agency', 'no substring search through %'],
  ])('%j is unknown: %s', (ref) => {
    expect(usageMessage(() => resolve(ref))).toMatch(/no client matches/);
  });

  it('an id that does not exist and is no prefix is unknown', () => {
    expect(usageMessage(() => resolve('99'))).toMatch(/no client matches '99'/);
  });
});

describe('resolveClient properties', () => {
  // Names as a user might type them: letters with accents, CJK, spaces, punctuation, digits.
  const nameChar = fc.constantFrom(...'abcxyzABCXYZ019 -_%&\'.éëüøßÅ李王😀'.split(''), 'e\u0301', 'o\u0308');
  const aName = fc
    .array(nameChar, { minLength: 1, maxLength: 12 })
    .map((cs) => cs.join(''))
    .filter((n) => normalizeName(n) !== '' && !/^\d+$/.test(normalizeName(n)));

  it('every client is found by its own name, however it is normalised or cased', () => {
    fc.assert(
      fc.property(fc.uniqueArray(aName, { minLength: 1, maxLength: 8, selector: nameKey }), fc.nat(), (names, pick) => {
        const list = names.map((name, i) => ({ id: i + 1, name: normalizeName(name) }));
        const target = list[pick % list.length]!;
        for (const ref of [target.name, target.name.normalize('NFD'), target.name.toLowerCase(), target.name.toUpperCase().normalize('NFD')]) {
          if (nameKey(ref) !== nameKey(target.name)) continue; // e.g. ß upper-cases to SS: not the same name
          expect(resolveClient(ref, list).id).toBe(target.id);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a prefix resolves only when exactly one name starts with it, otherwise it lists them all', () => {
    fc.assert(
      fc.property(fc.uniqueArray(aName, { minLength: 2, maxLength: 8, selector: nameKey }), fc.nat(), fc.nat(), (names, pick, cut) => {
        const list = names.map((name, i) => ({ id: i + 1, name: normalizeName(name) }));
        const target = list[pick % list.length]!;
        const chars = [...nameKey(target.name)];
        const prefix = chars.slice(0, 1 + (cut % chars.length)).join('');
        if (normalizeName(prefix) !== prefix || /^\d+$/.test(prefix)) return;
        const exact = list.find((c) => nameKey(c.name) === nameKey(prefix));
        const starts = list.filter((c) => nameKey(c.name).startsWith(nameKey(prefix)));
        if (exact) expect(resolveClient(prefix, list).id).toBe(exact.id);
        else if (starts.length === 1) expect(resolveClient(prefix, list).id).toBe(target.id);
        else {
          const msg = usageMessage(() => resolveClient(prefix, list));
          for (const c of starts) expect(msg).toContain(`(#${c.id})`);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws anything but UsageError, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (ref) => {
        try {
          const found = resolveClient(ref, clients);
          expect(clients).toContain(found);
        } catch (e) {
          expect(e).toBeInstanceOf(UsageError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('names', () => {
  it('nameKey makes NFC, NFD and case variants one key', () => {
    expect(nameKey(NFD_ZOE)).toBe(nameKey(NFC_ZOE));
    expect(nameKey('ZOË')).toBe(nameKey(NFC_ZOE));
    expect(nameKey('Acme Corp')).toBe(nameKey('ACME CORP'));
    // Runs of spaces are one space: two names that print alike are one client.
    expect(nameKey('Acme Corp')).toBe(nameKey('Acme  Corp'));
    expect(nameKey('Nordlicht Studio')).toBe(nameKey(' Nordlicht\u00a0\u3000Studio '));
  });

  it('validateName stores NFC, trimmed, runs of spaces collapsed', () => {
    expect(validateName(`  ${NFD_ZOE}  Lund `)).toBe(`${NFC_ZOE} Lund`);
    expect(validateName('Nordlicht \u00a0 Studio')).toBe('Nordlicht Studio');
    expect(validateName("Robert'); DROP TABLE clients;--")).toBe("Robert'); DROP TABLE clients;--");
    expect(validateName('株式会社 😀')).toBe('株式会社 😀');
  });

  it.each([
    ['', /name is empty/],
    ['   ', /name is empty/],
    ['\u3000', /name is empty/], // ideographic space only
    ['Acme\u001b[31m', /contains control characters/],
    ['Acme\u0000', /contains control characters/],
    ['Acme\nCorp', /contains control characters/],
    ['Acme\u009b31m', /contains control characters/], // C1 CSI: a one-byte escape on some terminals
    ['x'.repeat(201), /longer than 200 characters/],
    ['Acme\tCorp', /contains control characters/],
    ['Acme\u2028Corp', /contains control characters/],
    ['Ac\u200bme', /zero-width or invisible/],
    ['Ac\ufeffme', /zero-width or invisible/],
    ['Ac\u00adme', /zero-width or invisible/],
    ['\u200dAcme', /zero-width or invisible/],
    ['Acme \u200cCorp', /zero-width or invisible/],
    ['Acme\u202eproC', /bidirectional/],
    ['\u2067Acme\u2069', /bidirectional/],
    ['Acme\u200f', /bidirectional/],
  ])('validateName rejects %j', (input, message) => {
    expect(usageMessage(() => validateName(input))).toMatch(message);
  });

  it('joiners inside a word or an emoji sequence are part of the name', () => {
    expect(validateName('👩\u200d💻 Studio')).toBe('👩\u200d💻 Studio');
    expect(validateName('می\u200cخواهم')).toBe('می\u200cخواهم');
  });

  it('the error line shows invisible characters instead of obeying them', () => {
    const msg = usageMessage(() => validateName('Acme\u202eproC'));
    expect(msg).toContain('\\u{202e}');
    expect(msg).not.toMatch(/\u202e/);
  });

  it('a 200-character name (counted in characters, not UTF-16 units) is fine', () => {
    expect(validateName('😀'.repeat(200))).toBe('😀'.repeat(200));
  });

  it('nearestNames ranks closer names first and caps the list', () => {
    const near = nearestNames('acme', clients);
    expect(near.length).toBeLessThanOrEqual(3);
    expect(near[0]).toBe('Acme');
    expect(nearestNames('zzzzzzzz', clients)).toEqual([]);
  });
});
