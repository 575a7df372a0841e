// The width human output is fitted to: the terminal's, else $COLUMNS, else 80.
import { describe, expect, it } from 'vitest';
import { terminalColumns } from '../../src/io/io.js';

describe('terminalColumns', () => {
  it('takes the terminal width first', () => {
    expect(terminalColumns(132, '60')).toBe(132);
  });

  it('falls back to $COLUMNS when stdout is no terminal', () => {
    expect(terminalColumns(undefined, '60')).toBe(60);
  });

  it.each([undefined, '', 'wide', '0', '-5', '72.5'])('uses 80 when $COLUMNS is %j', (env) => {
    expect(terminalColumns(undefined, env)).toBe(80);
    expect(terminalColumns(0, env)).toBe(80);
  });
});
