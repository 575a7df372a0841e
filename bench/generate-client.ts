// One client's history, written through crm's repository functions: its status changes,
// interactions, invoices (payments, disputes), change requests, incidents, deliveries, referrals
// and reminders. Every choice comes from the plan's seeded stream.
import type { DB } from '../src/db/store.js';
import type { Repo } from './generate.js';
import { day, instant, NOW_DAY, sortedDays, type Plan } from './plan.js';
import {
  CHANGE_SUMMARIES, DETAILS, DISPUTE_REASONS, INCIDENT_NOTES, NEXT_STEPS, PROJECTS, REMINDER_TEXTS, TOPICS,
} from './vocab.js';

const MOODS = {
  prompt: { positive: 50, neutral: 40, negative: 10 },
  late: { positive: 30, neutral: 50, negative: 20 },
  bad: { positive: 15, neutral: 45, negative: 40 },
} as const;

const INCIDENT_KINDS = {
  'missed-deadline': 30, 'unreasonable-demand': 25, 'ignored-advice': 20, 'competitor-leverage': 8, other: 7,
  dishonesty: 4, 'legal-risk': 3, 'verbal-abuse': 2.5, 'physical-abuse': 0.5,
} as const;

const bump = (total: Record<string, number>, table: string, n = 1): void => {
  total[table] = (total[table] ?? 0) + n;
};

export function clientEvents(db: DB, plan: Plan, repo: Repo, total: Record<string, number>): void {
  const { profile: p, clientId, r } = plan;
  const projects = [r.pick(PROJECTS), r.pick(PROJECTS), r.pick(PROJECTS)];

  for (const d of sortedDays(r, plan.n.interactions, p.start, p.end)) {
    const at = instant(d, r.int(8 * 60, 19 * 60));
    const next = r.chance(0.25);
    repo.insertInteraction(db, {
      clientId, at,
      channel: r.chance(0.05) ? null : r.weighted({ email: 45, phone: 25, video: 20, 'in-person': 5, chat: 5 } as const),
      direction: r.chance(0.55) ? 'out' : 'in',
      summary: r.chance(0.05) ? null : `${r.pick(TOPICS)}: ${r.pick(DETAILS)}`,
      mood: r.chance(0.1) ? null : r.weighted(MOODS[p.payer]),
      nextStep: next ? r.pick(NEXT_STEPS) : null,
      nextOwner: next ? r.weighted({ me: 60, client: 30, both: 10 } as const) : null,
      followUpOn: r.chance(0.15) ? day(d + r.int(3, 21)) : null,
      recordedAt: r.chance(0.8) ? at : instant(d, 20 * 60 + r.int(0, 200)),
    });
  }
  bump(total, 'interactions', plan.n.interactions);

  for (const issued of sortedDays(r, plan.n.invoices, p.start, p.end)) invoice(db, plan, repo, total, issued, r.pick(projects));
  bump(total, 'invoices', plan.n.invoices);

  for (const d of sortedDays(r, plan.n.changes, p.start, p.end)) {
    repo.insertChange(db, {
      clientId, interactionId: null, summary: r.pick(CHANGE_SUMMARIES), project: r.chance(0.8) ? r.pick(projects) : null,
      on: day(d), hours: r.chance(0.5) ? r.int(1, 16) : null, unbilled: r.chance(0.35),
    });
  }
  bump(total, 'change_requests', plan.n.changes);

  for (const d of sortedDays(r, plan.n.incidents, p.start, p.end)) {
    const kind = r.weighted(INCIDENT_KINDS);
    repo.insertIncident(db, {
      clientId, interactionId: null, kind, at: instant(d, r.int(9 * 60, 22 * 60)),
      severity: r.weighted({ low: 40, medium: 40, high: 20 } as const), note: r.chance(0.6) ? r.pick(INCIDENT_NOTES) : null,
      warned: r.chance(0.3),
    });
  }
  bump(total, 'incidents', plan.n.incidents);

  for (const d of sortedDays(r, plan.n.deliveries, p.start, p.end)) repo.insertDelivery(db, { clientId, project: r.pick(projects), on: day(d) });
  bump(total, 'deliveries', plan.n.deliveries);

  for (const d of sortedDays(r, plan.n.referrals, p.start, p.end)) {
    // The client it brought: the first one to arrive after the referral, when there is one.
    let referred: number | null = null;
    if (r.chance(0.5)) {
      const j = plan.starts.findIndex((s) => s > d);
      if (j >= 0 && plan.ids[j] !== clientId) referred = plan.ids[j] ?? null;
    }
    repo.insertReferral(db, { clientId, interactionId: null, on: day(d), note: r.chance(0.5) ? 'sent a friend our way' : null, referredClientId: referred });
  }
  bump(total, 'referrals', plan.n.referrals);

  reminders(db, plan, repo);
  bump(total, 'reminders', plan.n.reminders);

  if (p.status !== 'active') {
    const reason = p.status === 'fired' ? 'not worth the trouble' : r.chance(0.5) ? 'project finished' : null;
    repo.setClientStatus(db, clientId, { status: p.status, on: day(p.end), reason }, instant(p.end, 18 * 60));
    bump(total, 'client_status_changes');
    if (p.comeback) {
      const back = Math.min(NOW_DAY, p.end + r.int(30, 300));
      repo.setClientStatus(db, clientId, { status: 'active', on: day(back), reason: 'new project' }, instant(back, 9 * 60));
      bump(total, 'client_status_changes');
    }
  }
}

function invoice(db: DB, plan: Plan, repo: Repo, total: Record<string, number>, issued: number, project: string): void {
  const { profile: p, clientId, r } = plan;
  const amount = r.int(4, 300) * 5000;
  const due = issued + r.pick([14, 30, 30, 45]);
  const inv = repo.insertInvoice(db, {
    number: plan.nextInvoiceNumber(), clientId, project: r.chance(0.7) ? project : null, amount,
    currency: r.chance(0.9) ? p.currency : r.pick(['EUR', 'USD', 'GBP'].filter((c) => c !== p.currency)),
    issuedOn: day(issued), dueOn: day(due),
  });
  let payable = amount;
  let paidFrom = 0;
  // A few disputes, more with bad payers; most are resolved after a while.
  if (r.chance(p.payer === 'bad' ? 0.04 : p.payer === 'late' ? 0.02 : 0.005)) {
    const opened = issued + r.int(5, 40);
    if (opened <= NOW_DAY) {
      const id = repo.insertDispute(db, inv.id, r.pick(DISPUTE_REASONS), day(opened));
      bump(total, 'disputes');
      const resolved = opened + r.int(10, 90);
      if (resolved > NOW_DAY || r.chance(0.3)) return; // still open: nothing paid meanwhile
      const outcome = r.weighted({ upheld: 40, discounted: 40, 'written-off': 20 } as const);
      const conceded = outcome === 'discounted' ? Math.round((amount * r.int(10, 40)) / 100) : outcome === 'written-off' ? amount : 0;
      repo.resolveDispute(db, id, outcome, conceded, day(resolved));
      if (outcome === 'written-off') return;
      payable = amount - conceded;
      paidFrom = resolved;
    }
  }
  if (p.payer === 'bad' && r.chance(0.3)) return; // never paid
  const late = p.payer === 'prompt' ? r.int(-10, 3) : p.payer === 'late' ? r.int(3, 45) : r.int(20, 150);
  const paidOn = Math.max(issued, paidFrom, due + late);
  if (paidOn > NOW_DAY) return; // not yet: open, maybe overdue
  if (r.chance(0.1)) {
    // In two instalments; now and then the second never comes (short payment).
    const first = Math.round(payable * r.int(3, 7) / 10);
    const firstOn = Math.max(issued, paidFrom, paidOn - r.int(0, 20));
    repo.insertPayment(db, inv.id, first, day(firstOn));
    bump(total, 'payments');
    if (r.chance(0.3)) return;
    repo.insertPayment(db, inv.id, payable - first, day(paidOn));
  } else {
    repo.insertPayment(db, inv.id, payable, day(paidOn));
  }
  bump(total, 'payments');
}

function reminders(db: DB, plan: Plan, repo: Repo): void {
  const { profile: p, clientId, r } = plan;
  for (let k = 0; k < plan.n.reminders; k++) {
    let on: number;
    let done: number | null = null;
    if (p.status !== 'active') {
      on = r.int(p.start, p.end);
      done = Math.min(NOW_DAY, on + r.int(0, 5));
    } else {
      const when = r.weighted({ past: 55, due: 20, future: 25 } as const);
      on = when === 'past' ? r.int(Math.max(p.start, NOW_DAY - 365), NOW_DAY - 1)
        : when === 'due' ? r.int(Math.max(p.start, NOW_DAY - 21), NOW_DAY) : r.int(NOW_DAY + 1, NOW_DAY + 60);
      if (when === 'past' && r.chance(0.85)) done = Math.min(NOW_DAY, on + r.int(0, 5));
    }
    const rem = repo.insertReminder(db, {
      clientId, on: day(on), kind: r.weighted({ 'follow-up': 70, personal: 20, feedback: 10 } as const), text: r.pick(REMINDER_TEXTS),
    });
    if (done !== null) repo.markReminderDone(db, rem.id, day(done));
    else if (r.chance(0.05)) repo.snoozeReminder(db, rem.id, day(Math.max(on, NOW_DAY) + r.int(1, 14)));
  }
}
