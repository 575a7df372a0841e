// The sample story `crm demo` writes: seven clients and up to two years of what happened with them,
// as plain data dated relative to `today`, so the demo looks alive whichever day it is run.
// Pure: no clock, no database. Amounts are in major units of whatever currency the writer uses.
// Conversations happen on working days, 09:00–17:00, so the verdicts do not depend on the weekday
// the demo is run (after-hours calls count against a client); the one late call is part of a story.
import { addDays, isoWeekday } from './dates.js';
import type { Channel, DateStr, Direction, DisputeOutcome, IncidentKind, Mood, NextOwner, ReminderKind, Severity } from './types.js';

export interface DemoClient {
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  channel: Channel;
  cadenceDays: number;
  timezone: string | null;
  note: string | null;
  createdOn: DateStr;
}

export interface DemoInvoice {
  client: string;
  project: string | null;
  amount: number;
  issuedOn: DateStr;
  dueOn: DateStr;
  payments: { on: DateStr; amount?: number }[];
  dispute?: { on: DateStr; reason: string; resolved?: { on: DateStr; outcome: DisputeOutcome; conceded?: number } };
}

export interface DemoInteraction {
  client: string;
  on: DateStr;
  /** HH:mm, local. */
  time: string;
  channel: Channel;
  direction: Direction;
  summary: string;
  mood: Mood;
  next?: { step: string; owner: NextOwner; followUpOn?: DateStr };
}

export interface DemoIncident {
  client: string;
  on: DateStr;
  time: string;
  kind: IncidentKind;
  severity: Severity;
  note: string;
  warned: boolean;
}

export interface DemoStory {
  clients: DemoClient[];
  invoices: DemoInvoice[];
  interactions: DemoInteraction[];
  incidents: DemoIncident[];
  changes: { client: string; on: DateStr; summary: string; project: string | null; hours: number | null; unbilled: boolean }[];
  referrals: { client: string; on: DateStr; note: string; referred: string | null }[];
  /** Each gets the feedback and check-back reminders `crm deliver` schedules. */
  deliveries: { client: string; on: DateStr; project: string }[];
  reminders: { client: string; on: DateStr; kind: ReminderKind; text: string }[];
  /** Who the printed "try this" commands name. */
  showcase: { latePayer: string };
}

export const MODEL = 'Lindqvist & Berg Architects';
export const LATE_PAYER = 'Harbour Street Bakery';
export const HAGGLER = 'Brightwater Media';
export const ABUSIVE = 'Kestrel Freight';
export const NEWCOMER = 'Nordlys Yoga';
export const STEADY = 'Café Zoë';
export const QUIET = 'Okafor Consulting';

/** The working day on or before `date` (a Saturday or Sunday moves back to Friday). */
export function workday(date: DateStr): DateStr {
  const wd = isoWeekday(date);
  return wd === 6 ? addDays(date, -1) : wd === 7 ? addDays(date, -2) : date;
}

/** Invoices issued every `every` days from `first` days ago, with terms, paid `late` days after due (negative: early). */
function series(
  today: DateStr, client: string, project: string, amounts: number[], first: number, every: number, terms: number, late: (i: number) => number | null,
): DemoInvoice[] {
  return amounts.map((amount, i) => {
    const issuedOn = workday(addDays(today, -(first - i * every)));
    const dueOn = addDays(issuedOn, terms);
    const lateBy = late(i);
    const payments = lateBy === null ? [] : [{ on: addDays(dueOn, lateBy) }];
    return { client, project, amount, issuedOn, dueOn, payments };
  });
}

export function demoStory(today: DateStr): DemoStory {
  const ago = (n: number): DateStr => addDays(today, -n);
  const work = (n: number): DateStr => workday(ago(n));
  const client = (name: string, createdAgo: number, c: Partial<DemoClient> & Pick<DemoClient, 'channel' | 'cadenceDays'>): DemoClient => ({
    name, email: null, phone: null, company: null, timezone: null, note: null, createdOn: ago(createdAgo), ...c,
  });

  const clients: DemoClient[] = [
    client(MODEL, 700, {
      channel: 'video', cadenceDays: 30, email: 'studio@lindqvistberg.example', company: 'Lindqvist & Berg AS',
      timezone: 'Europe/Stockholm', note: 'Ingrid Lindqvist runs projects; invoices go to accounts@.',
    }),
    client(LATE_PAYER, 560, {
      channel: 'phone', cadenceDays: 21, phone: '+44 20 7946 0321', note: 'Owner: Tom Reilly. Always "the accountant is on holiday".',
    }),
    client(HAGGLER, 430, {
      channel: 'video', cadenceDays: 30, email: 'production@brightwater.example', note: 'Marketing lead: Priya Nair. Scope moves weekly.',
    }),
    client(ABUSIVE, 500, {
      channel: 'phone', cadenceDays: 30, phone: '+1 312 555 0147', company: 'Kestrel Freight LLC', timezone: 'America/Chicago',
      note: 'Operations director: Dale Hutchins.',
    }),
    client(NEWCOMER, 20, { channel: 'email', cadenceDays: 14, email: 'hei@nordlysyoga.example', note: 'Found us through the workshop talk.' }),
    client(STEADY, 380, { channel: 'in-person', cadenceDays: 45, email: 'zoe@cafezoe.example', note: 'Zoë Marchand, owner. Menus and seasonal posters.' }),
    client(QUIET, 212, { channel: 'email', cadenceDays: 30, email: 'ade@okafor.example', note: 'Adaeze Okafor; referred by Lindqvist & Berg.' }),
  ];

  const invoices: DemoInvoice[] = [
    // Pays a few days early, every time, for two years.
    ...series(today, MODEL, 'Harbour office fit-out', [4800, 3600, 5200, 4100, 4800, 2900, 6100, 4400, 3800, 5000, 4600], 640, 62, 30, (i) => (i === 10 ? null : -3 - (i % 3))),
    // Small invoices, paid weeks late, and the latest not paid at all.
    ...series(today, LATE_PAYER, 'Seasonal menus and signage', [650, 480, 720, 560, 690, 540, 610, 780], 520, 65, 14, (i) => [2, 18, 34, 26, 41, 29, 37, null][i] ?? null),
    // Usually pays, but argues first.
    ...series(today, HAGGLER, 'Campaign videos', [2400, 3100, 2750, 2600], 400, 95, 30, () => 1),
    // Pays on time; the problem is how he talks to people.
    ...series(today, ABUSIVE, 'Driver onboarding portal', [3900, 3900, 4200, 3500, 4100, 3800], 470, 75, 30, () => 0),
    ...series(today, STEADY, 'Menus and posters', [420, 380, 510, 460, 390], 350, 75, 21, (i) => (i % 2 === 0 ? -2 : 3)),
    ...series(today, QUIET, 'Brand refresh', [1800, 2200], 190, 80, 30, () => -1),
    // Just started: the first invoice, not due yet.
    { client: NEWCOMER, project: 'Class schedule site', amount: 1200, issuedOn: work(4), dueOn: addDays(work(4), 30), payments: [] },
  ];
  // The haggler: one invoice argued down (a 5% discount), the latest argued now.
  const haggled = invoices.find((i) => i.client === HAGGLER && i.amount === 3100);
  if (haggled) {
    haggled.payments = [{ on: addDays(haggled.dueOn, 12), amount: 2945 }];
    haggled.dispute = {
      on: addDays(haggled.dueOn, 2), reason: 'Says the second cut was "not what we agreed"',
      resolved: { on: addDays(haggled.dueOn, 11), outcome: 'discounted', conceded: 155 },
    };
  }
  invoices.push({
    client: HAGGLER, project: 'Product launch teaser', amount: 2900, issuedOn: work(20), dueOn: addDays(work(20), 30), payments: [],
    dispute: { on: work(6), reason: 'Wants the music licence taken off the bill' },
  });

  const call = (c: string, n: number, time: string, channel: Channel, summary: string, mood: Mood, extra: Partial<DemoInteraction> = {}): DemoInteraction =>
    ({ client: c, on: work(n), time, channel, direction: 'out', summary, mood, ...extra });

  const interactions: DemoInteraction[] = [
    call(MODEL, 690, '10:00', 'in-person', 'First meeting at their studio: the harbour office project', 'positive'),
    ...[600, 510, 420, 330, 240, 150, 75].map((n, i) =>
      call(MODEL, n, i % 2 ? '14:00' : '10:30', 'video', ['Quarterly review: next phase, drawings on time', 'Planning the next phase together', 'Walked through the new floor plans'][i % 3] ?? '', 'positive')),
    call(MODEL, 12, '11:00', 'video', 'Catch-up: they want us for the school extension next spring', 'positive', {
      next: { step: 'Send a rough estimate for the school extension', owner: 'me', followUpOn: ago(1) },
    }),

    ...[540, 430, 300, 180, 90].map((n, i) =>
      call(LATE_PAYER, n, '15:30', 'phone', ['Chased a late invoice; promised payment "this week"', 'New menu boards; reminded them of the overdue invoice', 'Tom says cash is tight until summer'][i % 3] ?? '', i % 2 ? 'negative' : 'neutral')),
    call(LATE_PAYER, 9, '16:00', 'phone', 'Asked about the overdue invoice again; "the accountant will sort it"', 'negative', {
      next: { step: 'Call Tom about the unpaid menu invoice', owner: 'me', followUpOn: ago(2) },
    }),

    ...[420, 330, 250, 170].map((n, i) =>
      call(HAGGLER, n, '11:30', 'video', ['Kick-off for the campaign videos', 'Third round of changes to the same cut', 'Pushed back on extra scope; they wanted it free', 'Priya compared our rate to a cheaper studio'][i] ?? '', i ? 'negative' : 'positive')),
    call(HAGGLER, 20, '13:00', 'video', 'Teaser delivered and invoiced; Priya happy with the edit', 'neutral'),
    call(HAGGLER, 6, '10:15', 'video', 'Priya now disputes the music licence on the teaser invoice', 'negative', {
      next: { step: 'Send Priya the licence terms she signed', owner: 'me' },
    }),

    ...[490, 400, 300, 210, 120, 60].map((n, i) =>
      call(ABUSIVE, n, '09:30', 'phone', ['Weekly status on the onboarding portal', 'Portal phase two planning', 'Go-live review; Dale was curt with the team'][i % 3] ?? '', i < 2 ? 'neutral' : 'negative')),

    call(ABUSIVE, 8, '16:40', 'phone', 'Dale rang about a two-day delay on his side; it turned ugly', 'negative', { direction: 'in' }),

    call(NEWCOMER, 18, '10:00', 'video', 'Intro call: a simple site with the class schedule and booking link', 'positive'),
    call(NEWCOMER, 5, '14:30', 'email', 'Sent the proposal and first invoice; they loved the sketches', 'positive', {
      next: { step: 'Ask Nordlys which photos they want on the front page', owner: 'me', followUpOn: today },
    }),

    ...[370, 290, 200, 120, 40].map((n, i) =>
      call(STEADY, n, '09:00', 'in-person', ['Tasting menu for the autumn posters', 'New winter menu, same layout', 'Spring posters; Zoë happy with the last batch'][i % 3] ?? '', 'positive')),

    call(QUIET, 210, '10:00', 'video', 'Intro from Ingrid: brand refresh for a small consultancy', 'positive'),
    call(QUIET, 130, '15:00', 'email', 'Delivered the brand guide; asked how it is landing', 'positive'),
    call(QUIET, 75, '11:00', 'email', 'Quick check-in; they mentioned a website later in the year', 'neutral'),
  ];

  const incidents: DemoIncident[] = [
    {
      client: ABUSIVE, on: work(150), time: '16:10', kind: 'verbal-abuse', severity: 'medium', warned: true,
      note: 'Shouted at my designer on the call over a button colour. I told him that is not acceptable.',
    },
    {
      client: ABUSIVE, on: work(8), time: '16:45', kind: 'verbal-abuse', severity: 'high', warned: false,
      note: 'Called again, swore at me and threatened to "ruin us online" over a two-day delay he caused.',
    },
  ];

  const changes = [
    { on: work(300), summary: 'Extra vertical cut for social media', hours: 6, unbilled: false },
    { on: work(240), summary: 'Replace the voice-over after approval', hours: 4, unbilled: true },
    { on: work(160), summary: 'New logo animation at the end', hours: 3, unbilled: true },
    { on: work(70), summary: 'Subtitles in two more languages', hours: 5, unbilled: true },
    { on: work(30), summary: 'Shorter teaser for the newsletter', hours: 2, unbilled: false },
  ].map((c) => ({ client: HAGGLER, project: 'Campaign videos', ...c }));

  const referrals = [
    { client: MODEL, on: work(215), note: 'Introduced us to Adaeze Okafor', referred: QUIET },
    { client: MODEL, on: work(95), note: 'Recommended us to a landscape architect friend', referred: null },
  ];

  const deliveries = [{ client: STEADY, on: work(4), project: 'Winter menu and window posters' }];

  const reminders = [
    { client: MODEL, on: addDays(today, 6), kind: 'personal' as const, text: 'Ask Ingrid how the studio anniversary party went' },
  ];

  return { clients, invoices, interactions, incidents, changes, referrals, deliveries, reminders, showcase: { latePayer: LATE_PAYER } };
}
