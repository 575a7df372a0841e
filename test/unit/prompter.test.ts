// The prompts' output stream: inquirer colours regardless of NO_COLOR, so crm strips colour there.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { outputFor } from '../../src/io/prompter.js';
import type { IO } from '../../src/io/io.js';

function ioWith(color: boolean): { io: IO; written: () => string } {
  let text = '';
  const io: IO = {
    out: (s) => {
      text += s;
    },
    err: () => {},
    stdin: Readable.from([]),
    stdinIsTTY: true,
    stdoutIsTTY: true,
    color,
    columns: 80,
  };
  return { io, written: () => text };
}

const drawn = '\u001b[32m?\u001b[39m \u001b[1mHow did you talk?\u001b[22m\u001b[2K\u001b[1A';

describe('prompt output', () => {
  it('drops colour sequences but keeps cursor movement when colour is off', async () => {
    const { io, written } = ioWith(false);
    await new Promise<void>((done) => outputFor(io).write(drawn, () => done()));
    expect(written()).toBe('? How did you talk?\u001b[2K\u001b[1A');
  });

  it('passes everything through when colour is on', async () => {
    const { io, written } = ioWith(true);
    await new Promise<void>((done) => outputFor(io).write(drawn, () => done()));
    expect(written()).toBe(drawn);
  });
});
