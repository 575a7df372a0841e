// The story corpus (issue #11): realistic client histories built from the seeds' signs (001's ten
// reasons to fire a client, 000/002's good relationship), each with the verdict an experienced
// freelancer would sign and one sentence why. Every story is recorded through the real CLI into a
// fresh database and judged with `crm review`. docs/JUDGEMENT.md lists the same stories, in the
// same order and words; this file is the source.
//
// The clock is fixed (2026-11-22, a Sunday); the freelancer works in Europe/Berlin (config
// `timezone`, so the stories hold under any TZ), 08:00–19:00 Monday–Friday, and bills in EUR.
import fs from 'node:fs';
import path from 'node:path';
import '@inquirer/testing/vitest'; // swaps the prompts' terminal for a virtual one (test/helpers/wizard.ts drives it)
import { beforeAll, describe, expect, it } from 'vitest';
import { crm, crmJson, seed, tempDb, tempDir } from '../helpers/cli.js';
import { addDays, addMonths, isoWeekday } from '../../src/domain/dates.js';
import { answer, choose } from '../helpers/wizard.js';

type Verdict = 'keep' | 'watch' | 'fire';

interface Finding {
  rule: string;
  severity: 'dealbreaker' | 'warning' | 'positive' | 'info';
  title: string;
}

interface Review {
  verdict: Verdict;
  score: number;
  findings: Finding[];
}

interface Story {
  /** The client's name (the story's name). */
  name: string;
  /** What happened, in one line. */
  happened: string;
  verdict: Verdict;
  /** Why, in one sentence. */
  why: string;
  /** Recorded through the CLI, in order (the first command adds the client). */
  setup: string[][];
  /** Rules that must be among the findings. */
  rules?: string[];
  /** Rules that must not be among the findings. */
  notRules?: string[];
  /** Rules whose finding must have this severity. */
  severity?: Record<string, Finding['severity']>;
  /** Anything else recorded after `setup` (e.g. through the interactive wizard). */
  record?: (db: string) => Promise<void>;
  /** Further checks on the review, with the database and the options crm ran with. */
  check?: (v: Review, db: string) => Promise<void> | void;
}

// ---------------------------------------------------------------------------------------------
// Recording helpers: plain crm commands, no shortcuts.

let env: Record<string, string>;

beforeAll(() => {
  const config = path.join(tempDir(), 'config.json');
  fs.writeFileSync(config, JSON.stringify({ timezone: 'Europe/Berlin', currency: 'EUR' }));
  env = { CRM_CONFIG: config };
});

const TODAY = '2026-11-22';

/** `count` dates `every` months apart, starting at `first`. */
function dates(first: string, count: number, every = 1): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(first, i * every));
}

/**
 * Invoices due on `dues`, issued 30 days before; `pay(i)` says when each was paid: days after the
 * due date (negative: early), `[days, amount]` for a payment of a given amount, or null (unpaid).
 */
function invoices(client: string, prefix: string, dues: string[], amount: number, pay: (i: number) => number | [number, number] | null = () => 0): string[][] {
  return dues.flatMap((due, i) => {
    const number = `${prefix}-${String(i + 1).padStart(3, '0')}`;
    const cmds = [['invoice', 'add', client, '--amount', String(amount), '--number', number, '--issued', addDays(due, -30), '--due', due]];
    const p = pay(i);
    if (p !== null) {
      const [days, paid] = Array.isArray(p) ? p : [p, null];
      const on = addDays(due, days);
      if (on > TODAY) throw new Error(`story ${client}: ${number} paid in the future (${on})`);
      cmds.push(['invoice', 'pay', number, '--on', on, ...(paid === null ? [] : ['--amount', String(paid)])]);
    }
    return cmds;
  });
}

/** An inbound contact at a wall-clock time in the freelancer's zone. */
function contact(client: string, at: string, channel: string, summary = 'Needs something'): string[] {
  return ['log', client, '--at', at, '--channel', channel, '--direction', 'in', '--summary', summary, '--no-recap'];
}

/** Inbound contacts on each of `days` at the same wall-clock `time` in the freelancer's zone. */
function contacts(client: string, days: string[], time: string, channel: string, summary?: string): string[][] {
  return days.map((d) => contact(client, `${d} ${time}`, channel, summary));
}

/** A check-in you made (an outbound email in working hours), one per date. */
function checkIns(client: string, days: string[]): string[][] {
  return days.map((d) => ['log', client, '--at', `${d} 10:00`, '--channel', 'email', '--summary', 'Check-in', '--no-recap']);
}

function incident(client: string, kind: string, on: string, ...flags: string[]): string[] {
  return ['incident', 'add', client, '--kind', kind, '--on', on, ...flags];
}

function changes(client: string, days: string[], unbilled: boolean): string[][] {
  return days.map((d, i) => ['change', 'add', client, '--summary', `Change ${i + 1}`, '--on', d, ...(unbilled ? ['--unbilled'] : [])]);
}

function referrals(client: string, days: string[]): string[][] {
  return days.map((d, i) => ['referral', 'add', client, '--on', d, '--note', `Introduced us to prospect ${i + 1}`]);
}

const add = (client: string, ...flags: string[]): string[] => ['client', 'add', client, ...flags];

/** The last 12 months' first weekdays of each month (check-ins, for a steady relationship). */
const MONTHLY = dates('2025-12-01', 12).map((d) => {
  const day = isoWeekday(d);
  return addDays(d, day === 7 ? 1 : day === 6 ? 2 : 0);
});

const review = (name: string, db: string, now?: string): Promise<Review> => crmJson<Review>(['review', name], { db, env, now });
const rulesOf = (v: Review): string[] => v.findings.map((f) => f.rule);

/** The interactive `crm log`: a 3 a.m. call with an unreasonable-demand incident recorded in it. */
async function wizardCallWithIncident(db: string, client: string, when: string): Promise<void> {
  const run = crm(['log', client], { db, env, tty: true });
  await choose('How did you talk?', 'phone');
  await choose('Who reached out?', 'They did');
  await answer('When?', when);
  await answer('What was discussed?', 'A new business idea, right now');
  await choose('How did it go?', 'negative');
  await choose('Anything else to record from this conversation?', 'An incident');
  await choose('What kind of incident?', 'unreasonable-demand');
  await choose('How serious?', 'medium');
  await answer('What happened?', 'Called at 3 a.m. to talk through a business idea');
  await answer('Did you tell them this is not acceptable?');
  await choose('Anything else to record?', 'No, that is all');
  await answer('Agreed next step?');
  await answer('Follow up on?');
  const r = await run;
  if (r.code !== 0) throw new Error(`crm log (wizard) exited ${r.code}: ${r.stderr}`);
}

// ---------------------------------------------------------------------------------------------
// The stories.

const STEADY_DUES = dates('2025-12-15', 12); // monthly, due 2025-12-15 … 2026-11-15

const stories: Story[] = [
  // --- Dealbreakers (001 §1, §3, §10, and §2 after a warning) -----------------------------------
  {
    name: 'Hartmann Bau',
    happened: 'Two years of invoices paid on time; last month the owner shoved you at a site meeting.',
    verdict: 'fire',
    why: 'Physical abuse ends a relationship at once, whatever the history or the apology.',
    setup: [add('Hartmann Bau'), ...invoices('Hartmann Bau', 'HB', dates('2024-12-15', 12, 2), 1500, () => -2), incident('Hartmann Bau', 'physical-abuse', '2026-10-20 11:00', '--severity', 'high')],
    rules: ['physical-abuse'],
    severity: { 'physical-abuse': 'dealbreaker' },
  },
  {
    name: 'Gruber Events',
    happened: 'Grabbed and pushed you two and a half years ago, apologised, nothing since; pays on time.',
    verdict: 'fire',
    why: 'Dealbreakers do not fade: an apology and two quiet years do not undo physical abuse.',
    setup: [add('Gruber Events'), incident('Gruber Events', 'physical-abuse', '2024-05-14 16:00'), ...invoices('Gruber Events', 'GE', dates('2024-06-15', 15, 2), 900)],
    rules: ['physical-abuse'],
  },
  {
    name: 'Lindqvist Media',
    happened: 'Claimed an invoice was paid and sent a fake transfer receipt; otherwise an ordinary client.',
    verdict: 'fire',
    why: 'A client who lies to you about money cannot be trusted with anything else.',
    setup: [add('Lindqvist Media'), ...invoices('Lindqvist Media', 'LM', dates('2026-03-15', 6), 1200, (i) => (i === 5 ? null : 0)), incident('Lindqvist Media', 'dishonesty', '2026-08-20 10:00', '--severity', 'high', '--note', 'Sent a doctored bank receipt')],
    rules: ['dishonesty'],
    severity: { dishonesty: 'dealbreaker' },
  },
  {
    name: 'Novak Imports',
    happened: 'Four years on time, three referrals, then caught passing your design off as their in-house work to win a tender.',
    verdict: 'fire',
    why: 'Once a client lies the trust is gone; referrals and punctual payment do not buy it back.',
    setup: [
      add('Novak Imports'),
      ...invoices('Novak Imports', 'NI', dates('2022-12-15', 16, 3), 2500, () => -3),
      ...referrals('Novak Imports', ['2025-02-10', '2025-09-03', '2026-04-22']),
      ...checkIns('Novak Imports', MONTHLY),
      incident('Novak Imports', 'dishonesty', '2026-11-02 09:30', '--severity', 'low'),
    ],
    rules: ['dishonesty', 'referrals'],
    severity: { dishonesty: 'dealbreaker' },
  },
  {
    name: 'Brandt Pharma',
    happened: 'Insisted the campaign carry health claims you told them are unlawful.',
    verdict: 'fire',
    why: 'Work that exposes you to legal liability is not worth any fee.',
    setup: [add('Brandt Pharma'), ...invoices('Brandt Pharma', 'BP', dates('2026-04-15', 6), 3000), incident('Brandt Pharma', 'legal-risk', '2026-10-08 14:00', '--severity', 'high')],
    rules: ['legal-risk'],
    severity: { 'legal-risk': 'dealbreaker' },
  },
  {
    name: 'Keller Shop',
    happened: 'New this month, first invoice not yet due; wants you to use photos they have no licence for.',
    verdict: 'fire',
    why: 'A single dealbreaker is enough even with no history to weigh it against.',
    setup: [add('Keller Shop'), ['invoice', 'add', 'Keller Shop', '--amount', '800', '--number', 'KS-001', '--issued', '2026-11-10', '--due', '2026-12-10'], incident('Keller Shop', 'legal-risk', '2026-11-12 15:00')],
    rules: ['legal-risk'],
  },

  // --- Verbal abuse (001 §2): watch until it is repeated after a warning ---------------------------
  {
    name: 'Petersen Design',
    happened: 'A good year, then one phone call where the client swore at you; you have not raised it yet.',
    verdict: 'watch',
    why: 'Abuse once is a clear sign, but tell them it is not acceptable before you end it.',
    setup: [add('Petersen Design'), ...invoices('Petersen Design', 'PD', STEADY_DUES, 1000), incident('Petersen Design', 'verbal-abuse', '2026-10-14 16:00')],
    rules: ['verbal-abuse'],
    severity: { 'verbal-abuse': 'warning' },
  },
  {
    name: 'Wolff Consulting',
    happened: 'Shouted at you twice this autumn; you never told them it is not acceptable.',
    verdict: 'watch',
    why: 'Until you have said it is not acceptable, even repeated abuse calls for a warning, not a firing.',
    setup: [add('Wolff Consulting'), ...invoices('Wolff Consulting', 'WC', dates('2026-05-15', 6), 1100), incident('Wolff Consulting', 'verbal-abuse', '2026-08-19 11:00'), incident('Wolff Consulting', 'verbal-abuse', '2026-10-21 17:30')],
    rules: ['verbal-abuse'],
    severity: { 'verbal-abuse': 'warning' },
  },
  {
    name: 'Schubert Verlag',
    happened: 'Insulted you in July, you told them that is not acceptable; in October they did it again.',
    verdict: 'fire',
    why: 'They were told abuse is not acceptable and did it again.',
    setup: [add('Schubert Verlag'), ...invoices('Schubert Verlag', 'SV', dates('2026-03-15', 8), 1400), incident('Schubert Verlag', 'verbal-abuse', '2026-07-09 10:00', '--warned'), incident('Schubert Verlag', 'verbal-abuse', '2026-10-13 15:00')],
    rules: ['verbal-abuse'],
    severity: { 'verbal-abuse': 'dealbreaker' },
  },
  {
    name: 'Krüger Logistik',
    happened: 'Abusive once in June, you warned them, and they have been civil and paid on time since.',
    verdict: 'watch',
    why: 'The warning worked so far, but this year\'s abuse still keeps them under watch.',
    setup: [add('Krüger Logistik'), ...invoices('Krüger Logistik', 'KL', STEADY_DUES, 1300), incident('Krüger Logistik', 'verbal-abuse', '2026-06-10 09:00', '--warned')],
    rules: ['verbal-abuse'],
    severity: { 'verbal-abuse': 'warning' },
  },
  {
    name: 'Vogel Studio',
    happened: 'Warned about abuse in early 2024; this September they berated you again.',
    verdict: 'fire',
    why: 'Abuse after a warning is a dealbreaker, however long ago the warning was given.',
    setup: [add('Vogel Studio'), ...invoices('Vogel Studio', 'VS', dates('2024-01-15', 12, 3), 2000), incident('Vogel Studio', 'verbal-abuse', '2024-03-05 14:00', '--warned'), incident('Vogel Studio', 'verbal-abuse', '2026-09-16 14:00')],
    rules: ['verbal-abuse'],
    severity: { 'verbal-abuse': 'dealbreaker' },
  },

  // --- Late payment (001 §5 / 002): a pattern, not an accident ------------------------------------
  {
    name: 'Meyer Handel',
    happened: 'Paid seven of eleven invoices this year four to five weeks late, the latest one too.',
    verdict: 'fire',
    why: 'Most of a year\'s invoices paid a month late is chronic late payment that wrecks your cash flow.',
    setup: [add('Meyer Handel'), ...invoices('Meyer Handel', 'MH', dates('2025-12-15', 11), 1800, (i) => ([0, 3, 6, 9].includes(i) ? -1 : 25 + i))],
    rules: ['late-payment'],
  },
  {
    name: 'Fischer & Söhne',
    happened: 'Twelve invoices over two years, all paid on the due date but one, paid a month late in March.',
    verdict: 'keep',
    why: 'One late invoice in two years is an accident, not a habit.',
    setup: [add('Fischer & Söhne'), ...invoices('Fischer & Söhne', 'FS', dates('2024-12-15', 12, 2), 1200, (i) => (i === 7 ? 30 : 0))],
    rules: ['on-time-payer'],
    notRules: ['late-payment'],
  },
  {
    name: 'Roth Werbung',
    happened: 'Paid on time until the summer; the last three invoices came in three to five weeks late.',
    verdict: 'watch',
    why: 'Three late in a row is a pattern forming: raise it now, before it sets.',
    setup: [add('Roth Werbung'), ...invoices('Roth Werbung', 'RW', dates('2026-06-15', 5), 900, (i) => [0, -2, 20, 30, 35][i]!)],
    rules: ['late-payment'],
  },
  {
    name: 'Becker Maschinenbau',
    happened: 'Five years of on-time quarterly invoices; the last four are all late and the newest is still open.',
    verdict: 'watch',
    why: 'A fresh run of late invoices is a warning even after years of clean history, but not yet a reason to end a long relationship.',
    setup: [
      add('Becker Maschinenbau'),
      ...invoices('Becker Maschinenbau', 'BM', dates('2021-12-15', 18, 3), 4000),
      ...invoices('Becker Maschinenbau', 'BM2', dates('2026-07-15', 4), 4000, (i) => [27, 36, 41, null][i]!),
      ...checkIns('Becker Maschinenbau', MONTHLY),
    ],
    rules: ['late-payment', 'overdue-balance'],
  },
  {
    name: 'Albrecht Immobilien',
    happened: 'Paid most invoices a month late in 2022–2023; every invoice since January 2024 on time.',
    verdict: 'keep',
    why: 'The late payment stopped almost three years ago: the problem is solved.',
    setup: [
      add('Albrecht Immobilien'),
      ...invoices('Albrecht Immobilien', 'AI', dates('2022-01-15', 8, 3), 1600, (i) => (i % 3 === 0 ? 0 : 30 + i)),
      ...invoices('Albrecht Immobilien', 'AI2', dates('2024-01-15', 12, 3), 1600),
    ],
    notRules: ['late-payment'],
  },
  {
    name: 'Schreiber IT',
    happened: 'A rough patch of late payments in 2025; the nine invoices since February all paid on time.',
    verdict: 'keep',
    why: 'Nine on-time invoices in a row show the late payment has stopped.',
    setup: [
      add('Schreiber IT'),
      ...invoices('Schreiber IT', 'SI', dates('2025-03-15', 11), 1100, (i) => ([1, 2, 4, 5, 7, 8].includes(i) ? 20 + 2 * i : 0)),
      ...invoices('Schreiber IT', 'SI2', dates('2026-02-15', 9), 1100),
    ],
    notRules: ['late-payment'],
  },
  {
    name: 'Meier Kanzlei',
    happened: 'Half of this year\'s invoices paid one to two months late, though the newest one arrived on time.',
    verdict: 'watch',
    why: 'Paying late is their only flaw and the latest invoice was on time, so it is a clear sign to address, not yet a firing.',
    setup: [add('Meier Kanzlei'), ...invoices('Meier Kanzlei', 'MK', dates('2026-01-15', 10), 1500, (i) => [0, 35, 0, 60, 0, 45, 40, 0, 30, 0][i]!)],
    rules: ['late-payment'],
  },
  {
    name: 'Lehmann Werkstatt',
    happened: 'Three years together and two referrals, but six of this year\'s ten invoices paid one to two months late, the latest too.',
    verdict: 'fire',
    why: 'Chronic late payment drains your cash flow however pleasant the client, and referrals do not pay your rent.',
    setup: [
      add('Lehmann Werkstatt'),
      ...invoices('Lehmann Werkstatt', 'LW', dates('2023-10-15', 8, 3), 1800),
      ...invoices('Lehmann Werkstatt', 'LW2', dates('2026-01-15', 10), 1800, (i) => [0, 35, 40, 0, 45, 0, 50, 0, 38, 33][i]!),
      ...referrals('Lehmann Werkstatt', ['2025-05-06', '2026-02-10']),
      ...checkIns('Lehmann Werkstatt', MONTHLY),
    ],
    rules: ['late-payment', 'referrals'],
  },
  {
    name: 'Dubois SARL',
    happened: 'Pays every 2,000 EUR invoice on the due date, 25 EUR short each time (their bank\'s fees).',
    verdict: 'keep',
    why: 'Bank fees taken off on the due date are a remainder to chase, not late payment.',
    setup: [add('Dubois SARL'), ...invoices('Dubois SARL', 'DS', STEADY_DUES.slice(0, 11), 2000, () => [0, 1975])],
    rules: ['short-payment'],
    notRules: ['late-payment', 'overdue-balance'],
  },
  {
    name: 'Peters Consulting',
    happened: 'Two years paid on time; the latest invoice is three weeks past due.',
    verdict: 'keep',
    why: 'A reliable payer with one invoice a few weeks overdue needs a reminder, not a verdict.',
    setup: [add('Peters Consulting'), ...invoices('Peters Consulting', 'PC', dates('2024-11-01', 13, 2), 1000, (i) => (i === 12 ? null : 0))],
    notRules: ['late-payment'],
  },
  {
    name: 'Schwarz Trading',
    happened: 'Three invoices unpaid, two to four months past due, and no payment this year.',
    verdict: 'watch',
    why: 'Stop work and chase the money; unpaid invoices are a debt to collect and become a firing only as a pattern or a write-off.',
    setup: [add('Schwarz Trading'), ...invoices('Schwarz Trading', 'ST', ['2026-07-20', '2026-08-20', '2026-09-20'], 2200, () => null)],
    rules: ['overdue-balance'],
  },

  // --- Disputes and haggling (001 §6) -------------------------------------------------------------
  {
    name: 'Hoffmann Catering',
    happened: 'Haggled over two small invoices this year; both times you held the price and they paid.',
    verdict: 'watch',
    why: 'Haggling twice in a year is a habit forming; you held your price, so watch it rather than end it.',
    setup: [
      add('Hoffmann Catering'),
      ...invoices('Hoffmann Catering', 'HC', dates('2026-03-15', 8), 500, (i) => (i === 2 || i === 6 ? null : 0)),
      ['invoice', 'dispute', 'HC-003', '--reason', 'Wants 15% off', '--on', '2026-05-10'],
      ['invoice', 'resolve', 'HC-003', '--outcome', 'upheld', '--on', '2026-05-25'],
      ['invoice', 'pay', 'HC-003', '--on', '2026-05-27'],
      ['invoice', 'dispute', 'HC-007', '--reason', 'Says the menu card took too long', '--on', '2026-09-08'],
      ['invoice', 'resolve', 'HC-007', '--outcome', 'upheld', '--on', '2026-09-22'],
      ['invoice', 'pay', 'HC-007', '--on', '2026-09-25'],
    ],
    rules: ['invoice-disputes'],
    notRules: ['late-payment'],
  },
  {
    name: 'Krämer Events',
    happened: 'Disputed six of its seven invoices this year, each time over the price; you held it every time and they paid.',
    verdict: 'fire',
    why: 'Haggling over every single invoice is the constant disputing that makes a client not worth the work, even when you win — and each time the money came late.',
    setup: [
      add('Krämer Events'),
      ...invoices('Krämer Events', 'KR', dates('2026-04-15', 7), 800, () => null),
      ...[0, 1, 2, 3, 4, 5].flatMap((i) => {
        const number = `KR-00${i + 1}`;
        const due = addMonths('2026-04-15', i);
        return [
          ['invoice', 'dispute', number, '--reason', 'Wants a discount', '--on', addDays(due, -5)],
          ['invoice', 'resolve', number, '--outcome', 'upheld', '--on', addDays(due, 5)],
          ['invoice', 'pay', number, '--on', addDays(due, 8)],
        ];
      }),
      ['invoice', 'pay', 'KR-007', '--on', '2026-10-15'],
    ],
    rules: ['invoice-disputes', 'late-payment'],
  },
  {
    name: 'Sommer Architekten',
    happened: 'Queried one invoice line in a year of on-time payments; you explained it and they paid in full.',
    verdict: 'keep',
    why: 'A single question about an invoice, settled at full price, is ordinary business.',
    setup: [
      add('Sommer Architekten'),
      ...invoices('Sommer Architekten', 'SA', STEADY_DUES.slice(0, 11), 1700, (i) => (i === 6 ? null : 0)),
      ['invoice', 'dispute', 'SA-007', '--reason', 'Asked about the travel line', '--on', '2026-06-12'],
      ['invoice', 'resolve', 'SA-007', '--outcome', 'upheld', '--on', '2026-06-16'],
      ['invoice', 'pay', 'SA-007', '--on', '2026-06-19'],
    ],
    notRules: ['invoice-disputes', 'late-payment'],
  },
  {
    name: 'Zimmermann GmbH',
    happened: 'After delivery they disputed a 3,000 EUR invoice for agreed work and you conceded half of it.',
    verdict: 'fire',
    why: 'They agreed a price and then cut it in half afterwards: one such experience is enough.',
    setup: [
      add('Zimmermann GmbH'),
      ...invoices('Zimmermann GmbH', 'ZG', dates('2026-01-15', 7), 1500),
      ['invoice', 'add', 'Zimmermann GmbH', '--amount', '3000', '--number', 'ZG-100', '--issued', '2026-08-20', '--due', '2026-09-19'],
      ['invoice', 'dispute', 'ZG-100', '--reason', 'Says the work is worth half', '--on', '2026-09-10'],
      ['invoice', 'resolve', 'ZG-100', '--outcome', 'discounted', '--conceded', '1500', '--on', '2026-10-05'],
      ['invoice', 'pay', 'ZG-100', '--on', '2026-10-09'],
    ],
    rules: ['invoice-disputes'],
  },
  {
    name: 'Kaiser Bau',
    happened: 'Paid six invoices on time, then disputed the 4,000 EUR final invoice and never paid it; you wrote it off.',
    verdict: 'fire',
    why: 'Never paying for agreed work is the worst form of late payment, whatever came before.',
    setup: [
      add('Kaiser Bau'),
      ...invoices('Kaiser Bau', 'KB', dates('2025-12-15', 6), 1200),
      ['invoice', 'add', 'Kaiser Bau', '--amount', '4000', '--number', 'KB-FINAL', '--issued', '2026-06-15', '--due', '2026-07-15'],
      ['invoice', 'dispute', 'KB-FINAL', '--reason', 'Refuses to pay the final stage', '--on', '2026-07-20'],
      ['invoice', 'resolve', 'KB-FINAL', '--outcome', 'written-off', '--on', '2026-09-30'],
    ],
    rules: ['invoice-disputes'],
    notRules: ['on-time-payer'],
  },
  {
    name: 'Lorenz Druck',
    happened: 'A steady client complained about a typo of yours; you knocked 100 EUR (5%) off that one invoice.',
    verdict: 'keep',
    why: 'A small goodwill discount for your own mistake is good service, not haggling.',
    setup: [
      add('Lorenz Druck'),
      ...invoices('Lorenz Druck', 'LD', STEADY_DUES.slice(0, 11), 2000, (i) => (i === 8 ? null : 0)),
      ['invoice', 'dispute', 'LD-009', '--reason', 'Typo in the brochure', '--on', '2026-08-05'],
      ['invoice', 'resolve', 'LD-009', '--outcome', 'discounted', '--conceded', '100', '--on', '2026-08-07'],
      ['invoice', 'pay', 'LD-009', '--on', '2026-08-14'],
    ],
  },
  {
    name: 'Vogt Agentur',
    happened: 'Three years on time with a referral, then after delivery they refused to pay 40% of a 2,500 EUR invoice and you gave in.',
    verdict: 'fire',
    why: 'Cutting the price of agreed, delivered work is the experience one should not repeat, however good the years before.',
    setup: [
      add('Vogt Agentur'),
      ...invoices('Vogt Agentur', 'VA', dates('2023-12-15', 11, 3), 2500),
      ...referrals('Vogt Agentur', ['2025-04-15']),
      ...checkIns('Vogt Agentur', MONTHLY),
      ['invoice', 'add', 'Vogt Agentur', '--amount', '2500', '--number', 'VA-100', '--issued', '2026-09-01', '--due', '2026-10-01'],
      ['invoice', 'dispute', 'VA-100', '--reason', 'Says the result is not worth the price', '--on', '2026-09-20'],
      ['invoice', 'resolve', 'VA-100', '--outcome', 'discounted', '--conceded', '1000', '--on', '2026-10-12'],
      ['invoice', 'pay', 'VA-100', '--on', '2026-10-15'],
    ],
    rules: ['invoice-disputes'],
  },
  {
    name: 'Krause Medien',
    happened: 'Talked you out of a third of an invoice two years ago; every invoice since has been paid in full and on time.',
    verdict: 'keep',
    why: 'One concession long ago, followed by two clean years, is history rather than a pattern.',
    setup: [
      add('Krause Medien'),
      ['invoice', 'add', 'Krause Medien', '--amount', '1500', '--number', 'KM-OLD', '--issued', '2024-10-01', '--due', '2024-10-31'],
      ['invoice', 'dispute', 'KM-OLD', '--reason', 'Wanted a lower price', '--on', '2024-10-20'],
      ['invoice', 'resolve', 'KM-OLD', '--outcome', 'discounted', '--conceded', '500', '--on', '2024-11-05'],
      ['invoice', 'pay', 'KM-OLD', '--on', '2024-11-08'],
      ...invoices('Krause Medien', 'KM', dates('2024-12-15', 12, 2), 1500),
    ],
    notRules: ['late-payment'],
  },
  {
    name: 'Weber Events',
    happened: 'A good client of two years disputed one invoice before its due date; it is still being discussed, the money five weeks past due.',
    verdict: 'watch',
    why: 'Not a bad client, but five weeks of money held up in an unsettled dispute needs your attention now: settle it, then collect.',
    setup: [
      add('Weber Events'),
      ...invoices('Weber Events', 'WE', dates('2024-11-15', 11, 2), 1400),
      ['invoice', 'add', 'Weber Events', '--amount', '1400', '--number', 'WE-100', '--issued', '2026-09-15', '--due', '2026-10-15'],
      ['invoice', 'dispute', 'WE-100', '--reason', 'Unsure about the extra photo day', '--on', '2026-10-10'],
    ],
    rules: ['overdue-balance', 'invoice-disputes'],
    notRules: ['late-payment'],
  },
  {
    name: 'Neumann Reisen',
    happened: 'Disputed an invoice before it was due; once you upheld it five weeks later they paid within three days.',
    verdict: 'keep',
    why: 'The weeks spent settling a dispute are the dispute, not late payment.',
    setup: [
      add('Neumann Reisen'),
      ...invoices('Neumann Reisen', 'NR', STEADY_DUES.slice(0, 11), 1250, (i) => (i === 8 ? null : 0)),
      ['invoice', 'dispute', 'NR-009', '--reason', 'Questioned the hours', '--on', '2026-08-10'],
      ['invoice', 'resolve', 'NR-009', '--outcome', 'upheld', '--on', '2026-09-20'],
      ['invoice', 'pay', 'NR-009', '--on', '2026-09-23'],
    ],
    notRules: ['late-payment'],
  },

  // --- Changing the brief (001 §7) ------------------------------------------------------------------
  {
    name: 'Richter Software',
    happened: 'Fifteen change requests this year, every one quoted and billed, invoices paid on time.',
    verdict: 'keep',
    why: 'Change requests you bill for are paid work, not churn.',
    setup: [add('Richter Software'), ...invoices('Richter Software', 'RS', STEADY_DUES, 2500), ...changes('Richter Software', dates('2025-12-03', 12).concat(['2026-02-17', '2026-06-23', '2026-10-20']), false)],
    notRules: ['scope-churn'],
  },
  {
    name: 'Hartung Media',
    happened: 'Four changes to the brief this year that you absorbed without billing.',
    verdict: 'watch',
    why: 'Unbilled churn is starting to cost you; agree how changes are billed before it reaches your cut-off.',
    setup: [add('Hartung Media'), ...invoices('Hartung Media', 'HM', dates('2026-02-15', 9), 1600), ...changes('Hartung Media', ['2026-03-04', '2026-05-19', '2026-08-11', '2026-10-27'], true)],
    rules: ['scope-churn'],
  },
  {
    name: 'Franke Online',
    happened: 'Six unbilled changes to the brief in the last twelve months.',
    verdict: 'fire',
    why: 'Six unbilled changes in a year is your cut-off: the project never ends and you pay for it.',
    setup: [add('Franke Online'), ...invoices('Franke Online', 'FO', dates('2026-01-15', 10), 1600), ...changes('Franke Online', ['2026-01-13', '2026-03-02', '2026-04-21', '2026-06-09', '2026-08-18', '2026-10-06'], true)],
    rules: ['scope-churn'],
  },
  {
    name: 'Baumann Verlag',
    happened: 'Six unbilled changes over two years, only two of them in the last twelve months.',
    verdict: 'keep',
    why: 'Two absorbed changes in a year is normal give and take.',
    setup: [add('Baumann Verlag'), ...invoices('Baumann Verlag', 'BV', dates('2024-12-15', 12, 2), 1600), ...changes('Baumann Verlag', ['2025-01-20', '2025-04-08', '2025-07-15', '2025-10-02', '2026-03-10', '2026-09-15'], true)],
    notRules: ['scope-churn'],
  },
  {
    name: 'Schulz Web',
    happened: 'A referring client of three years that asked for six unbilled changes to the brief this year.',
    verdict: 'fire',
    why: 'Your cut-off for unpaid churn is yours to keep, whoever the client is.',
    setup: [
      add('Schulz Web'),
      ...invoices('Schulz Web', 'SW', dates('2023-12-15', 12, 3), 2000),
      ...referrals('Schulz Web', ['2025-03-03', '2026-03-03']),
      ...checkIns('Schulz Web', MONTHLY),
      ...changes('Schulz Web', ['2025-12-09', '2026-02-10', '2026-04-14', '2026-06-09', '2026-08-11', '2026-10-13'], true),
    ],
    rules: ['scope-churn'],
  },

  // --- After-hours contact and unreasonable demands (001 §4) ------------------------------------------
  {
    name: 'Harbor & Finch',
    happened: 'A New York client whose emails arrive during its afternoon, evening in Berlin, a dozen times.',
    verdict: 'keep',
    why: 'An email sent in the client\'s own office hours is not a demand, whatever time it is for you.',
    setup: [
      add('Harbor & Finch', '--timezone', 'America/New_York'),
      ...invoices('Harbor & Finch', 'HF', dates('2026-03-15', 8), 3000),
      ...contacts('Harbor & Finch', ['2026-09-01', '2026-09-08', '2026-09-15', '2026-09-22', '2026-09-29', '2026-10-06', '2026-10-13', '2026-10-20', '2026-10-27', '2026-11-03', '2026-11-10', '2026-11-17'], '21:30', 'email'),
    ],
    notRules: ['unreasonable-demands'],
  },
  {
    name: 'Hudson Analytics',
    happened: 'A New York client that phones at 2 p.m. its time, 8 p.m. in Berlin, six times this autumn.',
    verdict: 'keep',
    why: 'A call in the middle of the client\'s working day is a normal call; the time difference is yours to manage.',
    setup: [
      add('Hudson Analytics', '--timezone', 'America/New_York'),
      ...invoices('Hudson Analytics', 'HA', dates('2026-04-15', 7), 2800),
      ...contacts('Hudson Analytics', ['2026-09-09', '2026-09-23', '2026-10-07', '2026-10-21', '2026-11-04', '2026-11-18'], '20:00', 'phone'),
    ],
    notRules: ['unreasonable-demands'],
  },
  {
    name: 'Bay Street Capital',
    happened: 'A New York client that phones at 9 a.m. Berlin time, 3 a.m. in New York, five times this autumn.',
    verdict: 'keep',
    why: 'The calls come in your working hours; when the client chooses to work is not your burden.',
    setup: [
      add('Bay Street Capital', '--timezone', 'America/New_York'),
      ...invoices('Bay Street Capital', 'BS', dates('2026-05-15', 6), 3500),
      ...contacts('Bay Street Capital', ['2026-09-16', '2026-09-30', '2026-10-14', '2026-10-28', '2026-11-11'], '09:00', 'phone'),
    ],
    notRules: ['unreasonable-demands'],
  },
  {
    name: 'Empire Ventures',
    happened: 'A New York client that phones at 3 a.m. Berlin time, 9 p.m. in New York, three times this month.',
    verdict: 'watch',
    why: 'A call outside both your hours and the client\'s own is a demand out of proportion, wherever the client sits.',
    setup: [
      add('Empire Ventures', '--timezone', 'America/New_York'),
      ...invoices('Empire Ventures', 'EV', dates('2026-05-15', 6), 3500),
      ...contacts('Empire Ventures', ['2026-11-05', '2026-11-12', '2026-11-19'], '03:00', 'phone', 'Wants changes tonight'),
    ],
    rules: ['unreasonable-demands'],
  },
  {
    name: 'Lange Elektro',
    happened: 'A local client that emails at 23:00 Berlin time, ten times this year.',
    verdict: 'keep',
    why: 'A late email waits until morning; it does not demand anything of you at night.',
    setup: [
      add('Lange Elektro'),
      ...invoices('Lange Elektro', 'LE', dates('2026-02-15', 9), 1200),
      ...contacts('Lange Elektro', dates('2026-01-14', 10), '23:00', 'email'),
    ],
    notRules: ['unreasonable-demands'],
  },
  {
    name: 'Schmitt Gastro',
    happened: 'A local client phoned you at 3 a.m. three times this month about new ideas.',
    verdict: 'watch',
    why: 'Calls at 3 a.m. are demands out of proportion, a clear sign to set boundaries about.',
    setup: [
      add('Schmitt Gastro'),
      ...invoices('Schmitt Gastro', 'SG', dates('2026-05-15', 6), 700),
      ...contacts('Schmitt Gastro', ['2026-11-04', '2026-11-11', '2026-11-18'], '03:00', 'phone', 'A new business idea'),
    ],
    rules: ['unreasonable-demands'],
  },
  {
    name: 'Horn Fitness',
    happened: 'A client in your own zone that has called at 3 a.m. twelve times this year; nothing else wrong.',
    verdict: 'watch',
    why: 'Night calls alone, however many, are a boundary to set rather than a reason to fire.',
    setup: [
      add('Horn Fitness', '--timezone', 'Europe/Berlin'),
      ...invoices('Horn Fitness', 'HF', dates('2026-01-15', 10), 900),
      ...contacts('Horn Fitness', ['2025-12-03', '2026-01-07', '2026-02-04', '2026-03-04', '2026-04-08', '2026-05-06', '2026-06-03', '2026-07-08', '2026-08-05', '2026-09-02', '2026-10-07', '2026-11-04'], '03:00', 'phone'),
    ],
    rules: ['unreasonable-demands'],
  },
  {
    name: 'Engel Startup',
    happened: 'Phoned at 3 a.m. about a business idea; you logged the call with an unreasonable-demand incident in it.',
    verdict: 'watch',
    why: 'One 3 a.m. demand is a clear sign, and the call and the incident recorded with it are one event, counted once.',
    setup: [add('Engel Startup'), ...invoices('Engel Startup', 'ES', dates('2026-06-15', 5), 1000)],
    record: (db) => wizardCallWithIncident(db, 'Engel Startup', '2026-11-18 03:05'),
    rules: ['unreasonable-demands'],
    check: async (v) => {
      // The same story with the incident alone, no call logged: the same score.
      const twin = tempDb();
      await seed(twin, [add('Engel Startup'), ...invoices('Engel Startup', 'ES', dates('2026-06-15', 5), 1000), incident('Engel Startup', 'unreasonable-demand', '2026-11-18 03:05')], { env });
      expect(v.score).toBe((await review('Engel Startup', twin)).score);
    },
  },

  // --- Ignored advice (001 §8) ---------------------------------------------------------------------
  {
    name: 'Seidel Marketing',
    happened: 'Launched against your advice once this year and asked you to fix the fallout.',
    verdict: 'keep',
    why: 'Clients sometimes decide against your advice; once is their right.',
    setup: [add('Seidel Marketing'), ...invoices('Seidel Marketing', 'SM', dates('2026-01-15', 10), 1300), incident('Seidel Marketing', 'ignored-advice', '2026-09-14 10:00')],
    rules: ['ignored-advice'],
  },
  {
    name: 'Jung Fashion',
    happened: 'Ignored your advice twice this year and expected you to pick up the pieces; you have not raised it.',
    verdict: 'watch',
    why: 'Twice is a pattern worth raising with them, not yet a reason to leave.',
    setup: [add('Jung Fashion'), ...invoices('Jung Fashion', 'JF', dates('2026-01-15', 10), 1300), incident('Jung Fashion', 'ignored-advice', '2026-04-14 10:00'), incident('Jung Fashion', 'ignored-advice', '2026-09-22 10:00')],
    rules: ['ignored-advice'],
  },
  {
    name: 'Haas Consulting',
    happened: 'Ignored your advice in May, you told them plainly, and in October they did it again and wanted you to clean up.',
    verdict: 'fire',
    why: 'Ignoring your advice again after you raised it means they do not want an expert, only someone to blame.',
    setup: [add('Haas Consulting'), ...invoices('Haas Consulting', 'HC', dates('2026-01-15', 10), 1300), incident('Haas Consulting', 'ignored-advice', '2026-05-12 10:00', '--warned'), incident('Haas Consulting', 'ignored-advice', '2026-10-15 10:00')],
    rules: ['ignored-advice'],
  },

  // --- Competitor leverage (001 §9) ---------------------------------------------------------------------
  {
    name: 'Frank Retail',
    happened: 'Waved a competitor\'s cheaper quote to reopen an agreed price once.',
    verdict: 'watch',
    why: 'Using a competitor to reopen an agreed price is a clear sign, worth raising before it becomes a habit.',
    setup: [add('Frank Retail'), ...invoices('Frank Retail', 'FR', dates('2026-02-15', 9), 2000), incident('Frank Retail', 'competitor-leverage', '2026-10-02 11:00')],
    rules: ['competitor-leverage'],
  },
  {
    name: 'Ludwig Hotels',
    happened: 'Reopened the agreed price with a competitor\'s quote in April; you said no and told them so; in October they tried again.',
    verdict: 'fire',
    why: 'Playing you against competitors again after you raised it shows they will never respect an agreed price.',
    setup: [add('Ludwig Hotels'), ...invoices('Ludwig Hotels', 'LH', dates('2026-01-15', 10), 2600), incident('Ludwig Hotels', 'competitor-leverage', '2026-04-07 10:00', '--warned'), incident('Ludwig Hotels', 'competitor-leverage', '2026-10-13 10:00')],
    rules: ['competitor-leverage'],
  },
  {
    name: 'Berger Foods',
    happened: 'Used competitors\' quotes to push your price twice this year; you never told them it is not on.',
    verdict: 'watch',
    why: 'Until you have told them this is not how you work, it stays a sign to raise, not a firing.',
    setup: [add('Berger Foods'), ...invoices('Berger Foods', 'BF', dates('2026-01-15', 10), 1900), incident('Berger Foods', 'competitor-leverage', '2026-03-03 10:00'), incident('Berger Foods', 'competitor-leverage', '2026-09-29 10:00')],
    rules: ['competitor-leverage'],
  },

  // --- The client's own deadlines (000: hold the client accountable) -------------------------------------
  {
    name: 'Otto Verlag',
    happened: 'Sent its texts two weeks after the agreed date once this year.',
    verdict: 'keep',
    why: 'One slipped delivery from the client is normal; agree dates in writing and move on.',
    setup: [add('Otto Verlag'), ...invoices('Otto Verlag', 'OV', dates('2026-01-15', 10), 1000), incident('Otto Verlag', 'missed-deadline', '2026-07-20 10:00')],
    rules: ['missed-commitments'],
  },
  {
    name: 'König Events',
    happened: 'Missed its own deadlines for content and approvals four times in six months.',
    verdict: 'watch',
    why: 'Their delays keep wrecking your schedule; hold them to written dates, but it is not on its own a reason to leave.',
    setup: [
      add('König Events'),
      ...invoices('König Events', 'KE', dates('2026-01-15', 10), 1000),
      ...['2026-05-12', '2026-07-01', '2026-08-25', '2026-10-20'].map((d) => incident('König Events', 'missed-deadline', `${d} 10:00`)),
    ],
    rules: ['missed-commitments'],
  },

  // --- Several signs together ------------------------------------------------------------------------
  {
    name: 'Winter Bau',
    happened: 'The last three of five invoices paid weeks late, and the owner swore at you on the phone in October.',
    verdict: 'fire',
    why: 'Two independent clear signs together cost more than the client brings.',
    setup: [add('Winter Bau'), ...invoices('Winter Bau', 'WB', dates('2026-06-15', 5), 1500, (i) => [0, 0, 25, 35, 30][i]!), incident('Winter Bau', 'verbal-abuse', '2026-10-22 17:00')],
    rules: ['late-payment', 'verbal-abuse'],
    severity: { 'verbal-abuse': 'warning' },
  },
  {
    name: 'Schuster Digital',
    happened: 'Five unbilled changes to the brief this year, then a competitor\'s quote to push the agreed price down.',
    verdict: 'fire',
    why: 'Constant unpaid changes plus haggling with a competitor\'s quote: together they make the work not worth doing.',
    setup: [
      add('Schuster Digital'),
      ...invoices('Schuster Digital', 'SD', dates('2026-02-15', 9), 2000),
      ...changes('Schuster Digital', ['2026-02-10', '2026-04-14', '2026-06-16', '2026-08-11', '2026-10-06'], true),
      incident('Schuster Digital', 'competitor-leverage', '2026-10-28 10:00'),
    ],
    rules: ['scope-churn', 'competitor-leverage'],
  },
  {
    name: 'Arnold Media',
    happened: 'Ignored your advice twice, missed its own deadlines three times and phoned at 3 a.m. three times this year.',
    verdict: 'fire',
    why: 'No single sign is decisive, but together they make a client who costs more than they pay.',
    setup: [
      add('Arnold Media'),
      ...invoices('Arnold Media', 'AM', dates('2026-01-15', 10), 1200),
      incident('Arnold Media', 'ignored-advice', '2026-03-10 10:00'),
      incident('Arnold Media', 'ignored-advice', '2026-08-18 10:00'),
      ...['2026-04-14', '2026-06-16', '2026-09-15'].map((d) => incident('Arnold Media', 'missed-deadline', `${d} 10:00`)),
      ...contacts('Arnold Media', ['2026-05-06', '2026-07-08', '2026-10-07'], '03:00', 'phone'),
    ],
    rules: ['ignored-advice', 'missed-commitments', 'unreasonable-demands'],
  },
  {
    name: 'Graf Optik',
    happened: 'Three years on time, three referrals and monthly check-ins; this autumn they used a competitor\'s quote to reopen the price.',
    verdict: 'watch',
    why: 'A clear sign stays a sign however good the rest; the good history only keeps it from being worse.',
    setup: [
      add('Graf Optik'),
      ...invoices('Graf Optik', 'GO', dates('2023-12-15', 12, 3), 2400),
      ...referrals('Graf Optik', ['2025-03-11', '2025-11-04', '2026-06-09']),
      ...checkIns('Graf Optik', MONTHLY),
      incident('Graf Optik', 'competitor-leverage', '2026-10-14 10:00'),
    ],
    rules: ['competitor-leverage', 'on-time-payer', 'referrals', 'long-relationship'],
  },
  {
    name: 'Simon Partners',
    happened: 'A loyal client of three years with two referrals who lost their temper and insulted you once last month.',
    verdict: 'watch',
    why: 'A good history earns a conversation, not a pass: abuse once is still a clear sign.',
    setup: [
      add('Simon Partners'),
      ...invoices('Simon Partners', 'SP', dates('2023-12-15', 12, 3), 2200),
      ...referrals('Simon Partners', ['2025-06-02', '2026-05-12']),
      ...checkIns('Simon Partners', MONTHLY),
      incident('Simon Partners', 'verbal-abuse', '2026-10-29 15:00'),
    ],
    rules: ['verbal-abuse', 'referrals'],
  },
  {
    name: 'Heinrich Media',
    happened: 'Five unbilled changes and a competitor\'s quote this year, but three years on time with three referrals and monthly contact.',
    verdict: 'watch',
    why: 'Two signs that would end a newer relationship; a loyal, referring client has earned a frank talk about billing changes first.',
    setup: [
      add('Heinrich Media'),
      ...invoices('Heinrich Media', 'HE', dates('2023-12-15', 12, 3), 2600),
      ...referrals('Heinrich Media', ['2025-02-18', '2025-12-09', '2026-07-07']),
      ...checkIns('Heinrich Media', MONTHLY),
      ...changes('Heinrich Media', ['2026-01-20', '2026-03-17', '2026-05-19', '2026-07-21', '2026-09-22'], true),
      incident('Heinrich Media', 'competitor-leverage', '2026-10-20 10:00'),
    ],
    rules: ['scope-churn', 'competitor-leverage', 'referrals'],
  },

  // --- Good relationships (000 / 002) --------------------------------------------------------------------
  {
    name: 'Martens Studio',
    happened: 'Three years of invoices paid on time, three referrals, monthly check-ins and two deliveries this year.',
    verdict: 'keep',
    why: 'This is the client every freelancer wants more of.',
    setup: [
      add('Martens Studio'),
      ...invoices('Martens Studio', 'MS', dates('2023-12-15', 8, 3), 3000, () => -3),
      ...invoices('Martens Studio', 'MS2', STEADY_DUES, 3000, () => -2),
      ...referrals('Martens Studio', ['2024-10-01', '2025-09-16', '2026-08-04']),
      ...checkIns('Martens Studio', MONTHLY),
      ['deliver', 'Martens Studio', '--project', 'Brand refresh', '--on', '2026-03-20'],
      ['deliver', 'Martens Studio', '--project', 'Website', '--on', '2026-09-25'],
    ],
    rules: ['on-time-payer', 'referrals', 'long-relationship'],
    check: (v) => {
      expect(v.findings.filter((f) => f.severity === 'warning' || f.severity === 'dealbreaker')).toEqual([]);
    },
  },
  {
    name: 'Ebert Startup',
    happened: 'Signed two weeks ago: a kick-off call and a first invoice not yet due.',
    verdict: 'keep',
    why: 'Nothing has gone wrong; little history is a reason to pay attention, not a reason to doubt.',
    setup: [
      add('Ebert Startup'),
      ['log', 'Ebert Startup', '--at', '2026-11-09 10:00', '--channel', 'video', '--summary', 'Kick-off', '--no-recap'],
      ['invoice', 'add', 'Ebert Startup', '--amount', '1200', '--number', 'EB-001', '--issued', '2026-11-10', '--due', '2026-12-10'],
    ],
  },
  {
    name: 'Kraus Design',
    happened: 'A client since September who reopened an agreed price with a competitor\'s quote in October.',
    verdict: 'watch',
    why: 'A clear sign on a new client is watch now and still watch once the client is no longer new, with nothing else happening.',
    setup: [
      add('Kraus Design'),
      ['invoice', 'add', 'Kraus Design', '--amount', '1500', '--number', 'KD-001', '--issued', '2026-09-10', '--due', '2026-10-10'],
      ['invoice', 'pay', 'KD-001', '--on', '2026-10-08'],
      incident('Kraus Design', 'competitor-leverage', '2026-10-06 10:00'),
    ],
    rules: ['competitor-leverage'],
    check: async (v, db) => {
      // No new events: the verdict does not jump when the thin-history period ends.
      for (const now of ['2026-12-20T10:00:00Z', '2027-01-20T10:00:00Z']) expect((await review('Kraus Design', db, now)).verdict).toBe(v.verdict);
    },
  },

  // --- More stories (the lead's): money given up, mixed currencies, partial payments, fresh signs ------------
  {
    name: 'Hahn Consulting',
    happened: 'Fourteen months ago you wrote off a 4,000 EUR invoice they refused to pay; every invoice since was paid on time.',
    verdict: 'watch',
    why: 'Money they never paid still counts against them a year on, even though it no longer ends the relationship by itself.',
    setup: [
      add('Hahn Consulting'),
      ['invoice', 'add', 'Hahn Consulting', '--amount', '4000', '--number', 'HC-100', '--issued', '2025-08-15', '--due', '2025-09-14'],
      ['invoice', 'dispute', 'HC-100', '--reason', 'Refuses to pay for the redesign', '--on', '2025-09-10'],
      ['invoice', 'resolve', 'HC-100', '--outcome', 'written-off', '--on', '2025-09-20'],
      ...invoices('Hahn Consulting', 'HC', dates('2025-11-15', 12), 1500),
    ],
    rules: ['overdue-balance', 'invoice-disputes'],
    notRules: ['on-time-payer'],
    check: (v) => {
      expect(v.findings.find((f) => f.rule === 'invoice-disputes')).toMatchObject({ severity: 'warning' });
    },
  },
  {
    name: 'Lang Partners',
    happened: 'Three weeks in, they shouted at you on a call and then waved a competitor\'s cheaper quote to reopen the agreed price.',
    verdict: 'fire',
    why: 'Two clear signs in three weeks is how the whole relationship will go; little history is no reason to wait.',
    setup: [
      add('Lang Partners'),
      ['invoice', 'add', 'Lang Partners', '--amount', '3000', '--number', 'LP-001', '--issued', '2026-11-02', '--due', '2026-12-02'],
      incident('Lang Partners', 'verbal-abuse', '2026-11-06 15:00'),
      incident('Lang Partners', 'competitor-leverage', '2026-11-12 11:00'),
    ],
    rules: ['verbal-abuse', 'competitor-leverage'],
  },
  {
    name: 'Seidel Labs',
    happened: 'Pays 1,500 of every 2,000 EUR invoice on the due date and never the rest; three remainders are months old.',
    verdict: 'watch',
    why: 'A quarter of every invoice left unpaid is real money owed, not bank fees: chase it before doing more work.',
    setup: [
      add('Seidel Labs'),
      ...invoices('Seidel Labs', 'SL', dates('2026-06-15', 3, 2), 2000, () => [0, 1500]),
    ],
    rules: ['overdue-balance'],
    notRules: ['short-payment', 'late-payment', 'on-time-payer'],
  },
  {
    name: 'Kuhn Events',
    happened: 'Paid three invoices a month late in spring 2025; every one of the eighteen since was paid on time.',
    verdict: 'keep',
    why: 'A bad spell that ended a year and a half ago is over; the record since is what counts.',
    setup: [
      add('Kuhn Events'),
      ...invoices('Kuhn Events', 'KE', dates('2025-03-15', 3), 1200, () => 30),
      ...invoices('Kuhn Events', 'KE2', dates('2025-06-15', 18), 1200),
    ],
    notRules: ['late-payment'],
    rules: ['on-time-payer'],
  },
  {
    name: 'Vogel Übersetzungen',
    happened: 'A small translation client paying in USD, while nearly all your income is in EUR from others; always on time.',
    verdict: 'keep',
    why: 'A good small client; being all of a minor currency is no reason to hesitate, and the card must not pretend it is.',
    setup: [
      add('Vogel Übersetzungen'),
      ...invoices('Vogel Übersetzungen', 'VU', dates('2026-05-15', 6), 400).map((c) => (c[1] === 'add' ? [...c, '--currency', 'USD'] : c)),
      add('Big Euro Client'),
      ...invoices('Big Euro Client', 'BE', dates('2026-01-15', 10), 9000),
    ],
    rules: ['on-time-payer', 'income-concentration'],
    check: async (_v, db) => {
      const card = await crm(['review', 'Vogel Übersetzungen'], { db, env });
      expect(card.stdout).toMatch(/paid in 2 currencies/);
      expect(card.stdout).not.toMatch(/→ .*100% of your income/);
    },
  },
  {
    name: 'Ludwig Bau',
    happened: 'Stopped paying in May: six monthly invoices since, not one of them paid.',
    verdict: 'fire',
    why: 'A client who has not paid for six months is not slow, they are not paying: stop the work and go after the money.',
    setup: [
      add('Ludwig Bau'),
      ...invoices('Ludwig Bau', 'LB', dates('2025-11-15', 6), 1800),
      ...invoices('Ludwig Bau', 'LB2', dates('2026-05-15', 6), 1800, () => null),
    ],
    rules: ['late-payment', 'overdue-balance'],
    check: (v) => {
      expect(v.findings.find((f) => f.rule === 'late-payment')!.title).toBe('Pays late, as a habit');
    },
  },
  {
    name: 'Wolf Agentur',
    happened: 'Archived after the project ended; one 800 EUR invoice is still unpaid two months after its due date.',
    verdict: 'watch',
    why: 'Archived or not, they owe you money: the card is about collecting it.',
    setup: [
      add('Wolf Agentur'),
      ...invoices('Wolf Agentur', 'WA', dates('2026-04-15', 5), 800, (i) => (i === 4 ? null : 0)),
      ['client', 'archive', 'Wolf Agentur'],
    ],
    rules: ['overdue-balance'],
    check: async (_v, db) => {
      const card = await crm(['review', 'Wolf Agentur'], { db, env });
      expect(card.stdout).toMatch(/archived/);
      expect(card.stdout).toMatch(/collect WA-005/);
    },
  },

  // --- A client you already fired ------------------------------------------------------------------------
  {
    name: 'Braun Verlag',
    happened: 'Fired this month after a year of late payment; the last 1,200 EUR invoice is still unpaid.',
    verdict: 'fire',
    why: 'The record still says fire; what is left to do is collect the money owed.',
    setup: [
      add('Braun Verlag'),
      ...invoices('Braun Verlag', 'BR', dates('2025-12-15', 10), 1200, (i) => (i === 9 ? null : [0, 30, 45, 0, 35, 40, 0, 50, 38][i]!)),
      ['client', 'fire', 'Braun Verlag', '--reason', 'paid late all year'],
    ],
    rules: ['late-payment'],
    check: async (_v, db) => {
      const card = await crm(['review', 'Braun Verlag'], { db, env });
      expect(card.code).toBe(0);
      expect(card.stdout).toMatch(/1,200\.00/);
      expect(card.stdout).toMatch(/owe|owed|outstanding|unpaid|collect|chase/i);
      expect(card.stdout).not.toMatch(/replacement work|warn (them|the client)/i);
    },
  },
];

describe('story corpus: verdicts an experienced freelancer would sign', () => {
  it('has at least 45 stories, each with a unique name and one sentence why', () => {
    expect(stories.length).toBeGreaterThanOrEqual(45);
    expect(new Set(stories.map((s) => s.name)).size).toBe(stories.length);
    for (const s of stories) {
      expect(s.why).toMatch(/\.$/);
      expect(s.why).not.toMatch(/[.!?] [A-Z]/);
    }
  });

  it.each(stories.map((s) => [`${s.name}: ${s.verdict}`, s] as const))('%s', async (_title, s) => {
    const db = tempDb();
    await seed(db, s.setup, { env });
    if (s.record) await s.record(db);
    const v = await review(s.name, db);
    const summary = `${s.name}: crm says ${v.verdict} ${v.score} [${v.findings.map((f) => `${f.rule}:${f.severity}`).join(', ')}]`;
    expect(v.verdict, summary).toBe(s.verdict);
    for (const rule of s.rules ?? []) expect(rulesOf(v), summary).toContain(rule);
    for (const rule of s.notRules ?? []) expect(rulesOf(v), summary).not.toContain(rule);
    for (const [rule, severity] of Object.entries(s.severity ?? {})) expect(v.findings.find((f) => f.rule === rule)?.severity, summary).toBe(severity);
    await s.check?.(v, db);
  });
});

describe('story corpus: review --all puts the worst first', () => {
  it('fire before watch before keep, and the higher score first within a verdict', async () => {
    const db = tempDb();
    await seed(
      db,
      [
        add('Model Client'),
        ...invoices('Model Client', 'MC', STEADY_DUES, 2000),
        ...referrals('Model Client', ['2026-04-01']),
        add('One Sign'),
        ...invoices('One Sign', 'OS', dates('2026-03-15', 8), 1000),
        incident('One Sign', 'competitor-leverage', '2026-10-02 11:00'),
        add('Liar'),
        incident('Liar', 'dishonesty', '2026-09-01 10:00'),
        add('Two Signs Loyal'),
        ...invoices('Two Signs Loyal', 'TS', dates('2023-12-15', 12, 3), 2600),
        ...referrals('Two Signs Loyal', ['2025-02-18', '2025-12-09', '2026-07-07']),
        ...checkIns('Two Signs Loyal', MONTHLY),
        ...changes('Two Signs Loyal', ['2026-01-20', '2026-03-17', '2026-05-19', '2026-07-21', '2026-09-22'], true),
        incident('Two Signs Loyal', 'competitor-leverage', '2026-10-20 10:00'),
        add('Night Caller'),
        ...contacts('Night Caller', ['2026-11-04', '2026-11-11', '2026-11-18'], '03:00', 'phone'),
      ],
      { env },
    );
    const all = await crmJson<{ clients: { client: { name: string }; verdict: Verdict; score: number }[] }>(['review', '--all'], { db, env });
    const rank = { fire: 0, watch: 1, keep: 2 };
    const got = all.clients.map((c) => `${c.client.name} ${c.verdict} ${c.score}`);
    expect(all.clients.map((c) => c.verdict), got.join('; ')).toEqual(['fire', 'watch', 'watch', 'watch', 'keep']);
    expect(all.clients[0]!.client.name).toBe('Liar');
    expect(all.clients[4]!.client.name).toBe('Model Client');
    for (let i = 1; i < all.clients.length; i++) {
      const [a, b] = [all.clients[i - 1]!, all.clients[i]!];
      expect(rank[a.verdict] < rank[b.verdict] || (a.verdict === b.verdict && a.score >= b.score), got.join('; ')).toBe(true);
    }
  });
});
