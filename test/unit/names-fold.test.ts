// `<client>` typed without accents: when nothing matches as typed (exact, id, prefix), a unique
// accent- and case-insensitive match is accepted; several are listed; the older steps come first.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldName, nameKey, nearestNames, resolveClient } from '../../src/domain/names.js';
import { UsageError } from '../../src/domain/errors.js';
import { usageMessage } from '../helpers/checks.js';

const clients = [
  { id: 1, name: 'Café Zoë' },
  { id: 2, name: 'Zoë Ltd' },
  { id: 3, name: 'Søren Kjær Design' },
  { id: 4, name: 'Łódź Print House' },
  { id: 5, name: 'Straße & Co' },
  { id: 6, name: 'Æther Studio' },
  { id: 7, name: 'Crème Brûlée Bakery' },
  { id: 8, name: 'Nguyễn & Partners' },
];
const resolve = (ref: string, list = clients): number => resolveClient(ref, list).id;

describe('foldName', () => {
  it.each([
    ['Café Zoë', 'cafe zoe'],
    ['CAFE\u0301 ZOE\u0308', 'cafe zoe'], // NFD, upper case
    ['Søren Kjær', 'soren kjaer'],
    ['Łódź', 'lodz'],
    ['Straße', 'strasse'],
    ['Œuvre', 'oeuvre'],
    ['Þórður', 'thordur'],
    ['Đorđe', 'dorde'],
    ['İstanbul Işık', 'istanbul isik'],
    ['Nguyễn', 'nguyen'],
    ['  Crème   Brûlée ', 'creme brulee'],
    ['李王', '李王'], // scripts without accents stay as they are
  ])('%j -> %j', (name, folded) => {
    expect(foldName(name)).toBe(folded);
  });
});

describe('resolveClient without accents', () => {
  it.each([
    ['cafe zoe', 1, 'folded exact'],
    ['CAFE ZOE', 1, 'folded exact, upper case'],
    ['cafe', 1, 'folded unique prefix'],
    ['zoe', 2, 'folded unique prefix'],
    ['zoe ltd', 2, 'folded exact'],
    ['soren', 3, 'ø typed as o'],
    ['soren kjaer design', 3, 'æ typed as ae'],
    ['lodz', 4, 'ł typed as l'],
    ['strasse', 5, 'ß typed as ss'],
    ['aether', 6, 'Æ typed as ae'],
    ['creme brulee', 7, 'several accents'],
    ['nguyen', 8, 'stacked Vietnamese marks'],
  ])('%j -> #%d (%s)', (ref, id) => {
    expect(resolve(ref)).toBe(id);
  });

  it('what matches as typed comes first: "zoe" picks Zoe exactly when Zoe and Zoë both exist', () => {
    const list = [{ id: 1, name: 'Zoë' }, { id: 2, name: 'Zoe' }];
    expect(resolve('zoe', list)).toBe(2);
    expect(resolve('zoë', list)).toBe(1);
    expect(resolve('ZOË', list)).toBe(1);
  });

  it('a prefix as typed beats a folded exact name', () => {
    const list = [{ id: 1, name: 'Café' }, { id: 2, name: 'Cafe Bar' }];
    expect(resolve('cafe', list)).toBe(2); // "Cafe Bar" starts with "cafe" as typed
    expect(resolve('café', list)).toBe(1);
  });

  it('a folded exact name beats a folded prefix', () => {
    const list = [{ id: 1, name: 'Zoë' }, { id: 2, name: 'Zoë Ltd' }];
    expect(resolve('zoe', list)).toBe(1);
  });

  it('several folded matches: the usual ambiguity error listing each', () => {
    const list = [{ id: 1, name: 'Zoë' }, { id: 2, name: 'Zoé' }, { id: 3, name: 'Acme' }];
    const msg = usageMessage(() => resolveClient('zoe', list));
    expect(msg).toBe("client 'zoe' is ambiguous: it matches Zoë (#1), Zoé (#2)");
    const prefixMsg = usageMessage(() => resolveClient('cafe', [{ id: 4, name: 'Café Zoë' }, { id: 5, name: 'Café Noir' }]));
    expect(prefixMsg).toBe("client 'cafe' is ambiguous: it matches Café Zoë (#4), Café Noir (#5)");
  });

  it('a reference of accents alone matches nothing, and says so', () => {
    expect(usageMessage(() => resolveClient('\u0301', clients))).toMatch(/^no client matches/);
  });

  it('"did you mean" ignores accents too', () => {
    expect(nearestNames('cafe zoee', clients)).toEqual(['Café Zoë']);
    expect(usageMessage(() => resolveClient('soren kjaer desing', clients))).toMatch(/did you mean 'Søren Kjær Design'\?/);
  });

  it('whatever is typed: a client it folds to, or a UsageError', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 12 }), (ref) => {
        try {
          const found = resolveClient(ref, clients);
          const key = nameKey(ref);
          const f = foldName(ref);
          expect(nameKey(found.name).startsWith(key) || foldName(found.name).startsWith(f) || String(found.id) === key).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(UsageError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
