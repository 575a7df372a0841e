// The interactive `crm log`, driven through the real @inquirer prompts: @inquirer/testing/vitest
// swaps only their terminal for a virtual one (keys in, screen out); everything else is the real crm.
import { screen } from '@inquirer/testing/vitest';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { NOW, crm, crmJson, seed, snapshot, tempDb, testEnv, type Result } from '../helpers/cli.js';
import { localInstant, localMinute } from '../helpers/tz.js';
import { answer, choose, waitFor } from '../helpers/wizard.js';
import { main } from '../../src/main.js';

let db: string;

beforeEach(() => {
  db = tempDb();
});

/** Take the defaults (channel, direction, now, mood) and give `summary`. */
async function conversation(summary: string): Promise<void> {
  for (const q of ['How did you talk?', 'Who reached out?', 'When?']) await answer(q);
  await answer('What was discussed?', summary);
  await answer('How did it go?');
}

/** Record nothing else and no next step; follow up on `followUp` ('' for no reminder). */
async function finish(followUp = ''): Promise<void> {
  await answer('Anything else to record');
  await answer('Agreed next step?');
  await answer('Follow up on?', followUp);
}

const ctrlC = (): void => screen.keypress({ name: 'c', ctrl: true });

function rows<T = Record<string, unknown>>(sql: string): T[] {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return conn.prepare(sql).all() as T[];
  } finally {
    conn.close();
  }
}

const log = (args: string[] = []): Promise<Result> => crm(['log', ...args], { db, tty: true });

describe('crm log wizard', () => {
  beforeEach(async () => {
    await seed(db, [['client', 'add', 'Acme Corp', '--channel', 'email', '--company', 'Acme'], ['client', 'add', 'Zoë Lund']]);
  });

  it('happy path: search the client, answer the questions, get the recap', async () => {
    const run = log();
    await waitFor('Who did you talk to?');
    screen.type('acm');
    await waitFor('❯ Acme Corp');
    expect(screen.getScreen()).not.toContain('Zoë Lund');
    screen.keypress('enter');
    await waitFor('How did you talk?');
    expect(screen.getScreen()).toContain('❯ email'); // the client's preferred channel is the default
    await choose('How did you talk?', 'phone');
    await choose('Who reached out?', 'They did');
    await answer('When?', ''); // default: now
    await answer('What was discussed?', 'Kick-off: scope and timeline');
    await choose('How did it go?', 'positive');
    await finish();
    const r = await run;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Logged interaction:1 with Acme Corp\n/);
    expect(r.stdout).toContain('Recap of our call on 2026-11-22 (Sunday), Acme Corp:');
    expect(r.stdout).toContain('- We discussed: Kick-off: scope and timeline');
    expect(rows('SELECT client_id, channel, direction, summary, mood, at, next_step, follow_up_on FROM interactions')).toEqual([
      { client_id: 1, channel: 'phone', direction: 'in', summary: 'Kick-off: scope and timeline', mood: 'positive',
        at: '2026-11-22T10:00:00.000Z', next_step: null, follow_up_on: null },
    ]);
    expect(await crmJson(['remind', 'list'], { db })).toEqual([]);
    // Relative answers are echoed with what they resolved to.
    expect(await screen.getFullOutput()).toContain(`When? (now, 15:00, yesterday 15:00, 2026-11-20 14:30 …) now → ${localMinute(NOW)}`);
  });

  it('records an incident, a change request, a dispute, a referral and a follow-up in one session; recap shows what the client should see', async () => {
    await seed(db, [['invoice', 'add', 'acme', '--amount', '1200', '--issued', '2026-10-01']]);
    const run = log(['acme']);
    await answer('How did you talk?'); // email
    await answer('Who reached out?'); // I did
    await answer('When?', 'yesterday');
    await answer('What was discussed?', 'Budget review');
    await answer('How did it go?');
    await choose('Anything else to record from this conversation?', 'An incident');
    await choose('What kind of incident?', 'verbal-abuse');
    await choose('How serious?', 'high');
    await answer('What happened?', 'Shouted about the invoice');
    await answer('Did you tell them this is not acceptable?', 'y');
    await choose('Anything else to record?', 'A change request');
    await answer('What do they want changed?', 'Dark mode');
    await answer('Project', 'Website');
    await answer('Extra hours', '6');
    await answer('without billing', 'y');
    await choose('Anything else to record?', 'A dispute over an invoice');
    await choose('Which invoice?', 'INV-0001  1,200.00 USD due 2026-10-31');
    await answer('What do they object to?', 'Wants 20% off');
    await waitFor('Anything else to record?');
    expect(screen.getScreen()).not.toContain('A dispute over an invoice'); // its only open invoice is now disputed
    await choose('Anything else to record?', 'A referral');
    await answer('Who did they refer?', 'Globex, their sister company');
    await choose('Anything else to record?', 'No, that is all');
    await answer('Agreed next step?', 'Send the revised quote');
    await choose('Who owns it?', 'both of us');
    await answer('Follow up on?', '+3d');
    const r = await run;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Logged interaction:1 with Acme Corp (with change:1, incident:1, dispute:1, referral:1); follow-up reminder:1 on 2026-11-25');
    expect(r.stdout).toContain('Recap of our email exchange on 2026-11-21 (Saturday), Acme Corp:');
    expect(r.stdout).toContain('- Change agreed: Dark mode (project Website, about 6 h, no charge)');
    expect(r.stdout).toContain('- Agreed next step: Send the revised quote — owner: both of us');
    expect(r.stdout).toContain('- Follow-up: 2026-11-25 (Wednesday)');
    expect(await screen.getFullOutput()).toContain('+3d → 2026-11-25 (Wednesday)');
    expect(r.stdout).not.toContain('Shouted'); // incidents are private notes, not for the client's email

    expect(rows('SELECT kind, severity, note, warned, at, interaction_id FROM incidents')).toEqual([
      { kind: 'verbal-abuse', severity: 'high', note: 'Shouted about the invoice', warned: 1, at: localInstant('2026-11-21 12:00'), interaction_id: 1 }, // yesterday, 12:00 local
    ]);
    expect(rows('SELECT summary, project, hours, unbilled, on_date, interaction_id FROM change_requests')).toEqual([
      { summary: 'Dark mode', project: 'Website', hours: 6, unbilled: 1, on_date: '2026-11-21', interaction_id: 1 },
    ]);
    expect(await crmJson(['remind', 'list'], { db })).toEqual([
      expect.objectContaining({ on: '2026-11-25', kind: 'follow-up', text: 'Send the revised quote', client: { id: 1, name: 'Acme Corp' } }),
    ]);
    expect((await crmJson(['invoice', 'list'], { db }))[0]).toMatchObject({ number: 'INV-0001', status: 'disputed' });
    expect(rows('SELECT note, on_date, interaction_id FROM referrals')).toEqual([{ note: 'Globex, their sister company', on_date: '2026-11-21', interaction_id: 1 }]);
    expect(rows('SELECT reason, opened_on FROM disputes')).toEqual([{ reason: 'Wants 20% off', opened_on: '2026-11-21' }]);

    const recap = await crm(['recap', 'acme'], { db });
    expect(recap.stdout).toContain('- Change agreed: Dark mode (project Website, about 6 h, no charge)');
    expect(recap.stdout).toContain('- Follow-up: 2026-11-25 (Wednesday)');
    const recapJson = await crmJson(['recap', 'acme'], { db });
    expect(recapJson).toMatchObject({
      interaction: { id: 1, summary: 'Budget review', next: 'Send the revised quote', followUpOn: '2026-11-25' },
      changeRequests: [{ summary: 'Dark mode', project: 'Website', hours: 6, unbilled: true }],
      text: recap.stdout,
    });
  });

  it('with --json, the interaction and everything recorded with it carry their refs, each naming the row written', async () => {
    await seed(db, [['invoice', 'add', 'acme', '--amount', '900', '--issued', '2026-10-01'], ['change', 'add', 'acme', '--summary', 'Earlier change']]);
    const run = log(['acme', '--json']);
    await conversation('Budget review');
    await choose('Anything else to record from this conversation?', 'An incident');
    await choose('What kind of incident?', 'dishonesty');
    await choose('How serious?', 'low');
    await answer('What happened?');
    await answer('Did you tell them this is not acceptable?');
    await choose('Anything else to record?', 'A change request');
    await answer('What do they want changed?', 'Dark mode');
    await answer('Project');
    await answer('Extra hours');
    await answer('without billing');
    await choose('Anything else to record?', 'A dispute over an invoice');
    await choose('Which invoice?', 'INV-0001  900.00 USD due 2026-10-31');
    await answer('What do they object to?', 'Wants 10% off');
    await choose('Anything else to record?', 'A referral');
    await answer('Who did they refer?', 'Initech');
    await choose('Anything else to record?', 'No, that is all');
    await answer('Agreed next step?');
    await answer('Follow up on?', '+2d');
    const r = await run;
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({
      ref: 'interaction:1', summary: 'Budget review', reminder: { ref: 'reminder:1', on: '2026-11-24' },
      incidents: [{ ref: 'incident:1', kind: 'dishonesty', severity: 'low' }],
      changes: [{ ref: 'change:2', summary: 'Dark mode' }], // change:1 was recorded before, on its own
      disputes: [{ ref: 'dispute:1', invoice: 'INV-0001', reason: 'Wants 10% off', outcome: null, resolvedOn: null }],
      referrals: [{ ref: 'referral:1', note: 'Initech', referred: null }],
    });
    expect(rows('SELECT id, summary, interaction_id FROM change_requests ORDER BY id')).toEqual([
      { id: 1, summary: 'Earlier change', interaction_id: null }, { id: 2, summary: 'Dark mode', interaction_id: 1 },
    ]);
    expect(rows('SELECT id, reason FROM disputes')).toEqual([{ id: 1, reason: 'Wants 10% off' }]);
    expect(rows('SELECT id, interaction_id, referred_client_id FROM referrals')).toEqual([{ id: 1, interaction_id: 1, referred_client_id: null }]);
  });

  it('re-asks with the parser\'s message when an answer is invalid', async () => {
    const run = log(['acme']);
    await answer('How did you talk?');
    await answer('Who reached out?');
    await answer('When?', 'last tuesday');
    await waitFor("'last tuesday' is not a date-time");
    for (let i = 0; i < 'last tuesday'.length; i++) screen.keypress('backspace');
    await answer('When?', '2026-11-20 15:30');
    await answer('What was discussed?'); // empty: refused, the summary is the point of the log
    await waitFor('the summary is empty');
    await answer('What was discussed?', 'Scope');
    await answer('How did it go?');
    await choose('Anything else to record', 'A change request');
    await answer('What do they want changed?', 'More pages');
    await answer('Project');
    await answer('Extra hours', 'lots');
    await waitFor("'lots' is not a number of hours");
    expect(screen.getScreen()).not.toContain('--hours'); // flag names mean nothing inside a prompt
    for (let i = 0; i < 4; i++) screen.keypress('backspace');
    await answer('Extra hours', '1.5');
    await answer('without billing');
    await answer('Anything else to record?');
    await answer('Agreed next step?');
    await answer('Follow up on?', 'someday');
    await waitFor("'someday' is not a date");
    for (let i = 0; i < 7; i++) screen.keypress('backspace');
    await answer('Follow up on?', '2026-12-01');
    const r = await run;
    expect(r.code).toBe(0);
    expect(rows('SELECT at, follow_up_on FROM interactions')).toEqual([{ at: localInstant('2026-11-20 15:30'), follow_up_on: '2026-12-01' }]);
    expect(rows('SELECT hours, unbilled FROM change_requests')).toEqual([{ hours: 1.5, unbilled: 0 }]);
    // --follow-up without a next step: the reminder says what to follow up on.
    expect(await crmJson(['remind', 'list'], { db })).toEqual([expect.objectContaining({ on: '2026-12-01', text: 'Follow up: Scope' })]);
  });

  it('flags skip their questions', async () => {
    const run = log(['acme', '--channel', 'video', '--mood', 'negative', '--at', '2026-11-21 09:00', '--direction', 'in',
      '--follow-up', '+2d', '--next', 'Send the quote', '--owner', 'client', '--no-recap']);
    await answer('What was discussed?', 'Asked for a quote');
    await answer('Anything else to record');
    const r = await run;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const seen = await screen.getFullOutput();
    for (const q of ['Who did you talk to?', 'How did you talk?', 'Who reached out?', 'When?', 'How did it go?', 'Agreed next step?', 'Who owns it?', 'Follow up on?']) {
      expect(seen).not.toContain(q);
    }
    expect(r.stdout).not.toContain('Recap of'); // --no-recap
    expect(rows('SELECT channel, direction, mood, at, next_step, next_owner, follow_up_on FROM interactions')).toEqual([
      { channel: 'video', direction: 'in', mood: 'negative', at: localInstant('2026-11-21 09:00'), next_step: 'Send the quote', next_owner: 'client', follow_up_on: '2026-11-24' },
    ]);
    expect(await crmJson(['remind', 'list'], { db })).toEqual([expect.objectContaining({ on: '2026-11-24', text: 'Send the quote' })]);
  });

  it('a bad flag or an unknown client fails before the first question, exit 2', async () => {
    const before = snapshot(db);
    const bad = await log(['acme', '--mood', 'ecstatic']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--mood 'ecstatic' is not one of/);
    const unknown = await log(['globex']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no client matches 'globex'/);
    expect(await screen.getFullOutput()).toBe('');
    expect(snapshot(db)).toEqual(before);
  });

  it('adds a new client inline, in the same transaction as the conversation', async () => {
    const run = log();
    await waitFor('Who did you talk to?');
    screen.type('Globex');
    await waitFor('❯ + Add a new client "Globex"');
    screen.keypress('enter');
    await waitFor('Name of the new client:');
    screen.type('Acme corp'); // typed over the suggestion: taken, re-asked
    screen.keypress('enter');
    await waitFor("a client named 'Acme Corp' already exists");
    for (let i = 0; i < 9; i++) screen.keypress('backspace');
    await answer('Name of the new client:', 'Globex Ltd');
    await conversation('Intro call');
    await finish();
    const r = await run;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Added client #3 Globex Ltd');
    const show = await crmJson(['client', 'show', 'globex'], { db });
    expect(show).toMatchObject({ id: 3, name: 'Globex Ltd', status: 'active', cadenceDays: 14, createdOn: '2026-11-22' });
    expect(show.stats).toMatchObject({ interactions: 1, lastContact: '2026-11-22' });
  });

  it('Ctrl+C mid-way exits 130 and leaves the database byte-identical', async () => {
    await seed(db, [['invoice', 'add', 'acme', '--amount', '500']]);
    const before = snapshot(db);
    const names = fs.readdirSync(db.replace(/crm\.db$/, '')).sort();
    const run = log();
    await answer('Who did you talk to?', 'zo');
    await conversation('Long call');
    await choose('Anything else to record', 'A change request');
    await answer('What do they want changed?', 'Everything');
    await waitFor('Project');
    ctrlC();
    const r = await run;
    expect(r.code).toBe(130);
    expect(r.stderr).toBe('crm: cancelled; nothing was written\n');
    expect(snapshot(db)).toEqual(before);
    expect(fs.readdirSync(db.replace(/crm\.db$/, '')).sort()).toEqual(names);
    expect(await crmJson(['client', 'list'], { db })).toHaveLength(2);
  });
});

describe('crm log wizard and Ctrl+D', () => {
  it('Ctrl+D cancels like Ctrl+C: exit 130, nothing written', async () => {
    await seed(db, [['client', 'add', 'Acme Corp']]);
    const before = snapshot(db);
    let stderr = '';
    // crm reads the virtual terminal's keys itself here (not only the prompts), as it reads the real one.
    const run = main({
      execPath: process.execPath,
    argv: ['log', 'acme'], env: testEnv({ db }), stdin: screen.input, stdinIsTTY: true, stdoutIsTTY: true,
      out: () => {}, err: (t) => { stderr += t; },
    });
    await answer('How did you talk?');
    await waitFor('Who reached out?');
    screen.keypress({ name: 'd', ctrl: true });
    expect(await run).toBe(130);
    expect(stderr).toBe('crm: cancelled; nothing was written\n');
    expect(snapshot(db)).toEqual(before);
  });
});

describe('crm log wizard before any database exists', () => {
  it('Ctrl+C at the first question creates nothing', async () => {
    const run = log();
    await waitFor('+ Add a new client');
    ctrlC();
    const r = await run;
    expect(r.code).toBe(130);
    expect(fs.existsSync(db)).toBe(false);
  });

  it('a first client added in the wizard creates the database with it', async () => {
    const run = log();
    await answer('Who did you talk to?', 'Initech');
    await answer('Name of the new client:'); // the typed search is the default name
    await conversation('First contact');
    await finish('tomorrow');
    const r = await run;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(await crmJson(['client', 'list'], { db })).toEqual([expect.objectContaining({ id: 1, name: 'Initech' })]);
    expect(await crmJson(['remind', 'list'], { db })).toEqual([expect.objectContaining({ on: '2026-11-23', text: 'Follow up: First contact' })]);
  });
});
