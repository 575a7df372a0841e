// `crm log` with flags and `crm recap`, through the built binary (npm run build first) with no TTY:
// what a script or a shell alias sees.
import { beforeEach, describe, expect, it } from 'vitest';
import { seed, snapshot, spawnCrm, spawnJson, tempDb } from '../helpers/cli.js';

let db: string;
const run = (args: string[]) => spawnCrm(args, { db });
const json = (args: string[]) => spawnJson(args, { db });

beforeEach(async () => {
  db = tempDb();
  await seed(db, [['client', 'add', 'Acme Corp', '--channel', 'video']]);
});

describe('crm log (flags)', () => {
  it('prints a recap to paste into an email: date, discussion, next step and owner, follow-up', () => {
    const r = run(['log', 'acme', '--channel', 'phone', '--at', '2026-11-20 15:00', '--summary', 'Kick-off: scope and timeline',
      '--mood', 'positive', '--next', 'Send the signed contract', '--owner', 'client', '--follow-up', '2026-11-27']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'Logged interaction:1 with Acme Corp; follow-up reminder:1 on 2026-11-27',
        '',
        'Recap of our call on 2026-11-20 (Friday), Acme Corp:',
        '',
        '- We discussed: Kick-off: scope and timeline',
        '- Agreed next step: Send the signed contract — owner: you',
        '- Follow-up: 2026-11-27 (Friday)',
        '',
        'Let me know if I missed or misunderstood anything.',
        '',
      ].join('\n'),
    );
  });

  it('--no-recap prints only the confirmation', () => {
    const r = run(['log', 'acme', '--summary', 'Quick sync', '--no-recap']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Logged interaction:1 with Acme Corp\n');
  });

  it('--follow-up with --next creates a reminder with that text', () => {
    expect(run(['log', 'acme', '--summary', 'Asked for a quote', '--follow-up', '+2d', '--next', 'Send the quote']).code).toBe(0);
    expect(json(['remind', 'list'])).toEqual([
      expect.objectContaining({ id: 1, client: { id: 1, name: 'Acme Corp' }, on: '2026-11-24', kind: 'follow-up', text: 'Send the quote', done: false }),
    ]);
  });

  it('--follow-up alone creates "Follow up: <summary>"', () => {
    expect(run(['log', 'acme', '--summary', 'Talked budget', '--follow-up', '2026-12-01']).code).toBe(0);
    expect(json(['remind', 'list'])).toEqual([expect.objectContaining({ on: '2026-12-01', text: 'Follow up: Talked budget' })]);
  });

  it('--next alone records the next step (in the recap) but creates no reminder', () => {
    const r = run(['log', 'acme', '--summary', 'Review', '--next', 'I send the mock-ups']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('- Agreed next step: I send the mock-ups — owner: me');
    expect(r.stdout).not.toContain('Follow-up');
    expect(json(['remind', 'list'])).toEqual([]);
  });

  it('with no client and stdin not a terminal: exit 2 at once, naming the missing value, nothing written', () => {
    const before = snapshot(db);
    const started = Date.now();
    const r = run(['log']);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^crm: missing <client>/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
    expect(snapshot(db)).toEqual(before);
  });

  it('without a terminal nothing is asked: a client alone is refused naming --summary, and the check-in clock is untouched', () => {
    const r = run(['log', 'acme', '--no-recap']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('crm: missing required option --summary <text> (not a terminal, so crm cannot ask for it)\n');
    expect(json(['client', 'show', 'acme']).stats).toMatchObject({ interactions: 0, lastContact: null });
  });
});

describe('crm recap', () => {
  it('reprints the recap of the last conversation, not an older one', () => {
    run(['log', 'acme', '--summary', 'Old call', '--at', '2026-11-01', '--no-recap']);
    run(['log', 'acme', '--summary', 'Scope review', '--at', '2026-11-18 10:00', '--next', 'Quote the extra pages', '--follow-up', '2026-11-25', '--no-recap']);
    const r = run(['recap', 'acme']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Recap of our video call on 2026-11-18 \(Wednesday\), Acme Corp:\n/);
    expect(r.stdout).toContain('- We discussed: Scope review');
    expect(r.stdout).toContain('- Agreed next step: Quote the extra pages — owner: me');
    expect(r.stdout).toContain('- Follow-up: 2026-11-25 (Wednesday)');
    expect(r.stdout).not.toContain('Old call');
  });

  it('with nothing logged says so; an unknown client is exit 2', () => {
    expect(run(['recap', 'acme'])).toMatchObject({ code: 0, stdout: 'Nothing logged with Acme Corp yet.\n' });
    const r = run(['recap', 'globex']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no client matches 'globex'/);
  });
});
