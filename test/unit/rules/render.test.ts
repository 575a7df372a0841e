// Human output of review: the verdict card and the --all table against golden files, plain style.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/rules/index.js';
import { renderReview, renderReviewAll, sparkline } from '../../../src/render/review.js';
import { plainStyle } from '../../../src/render/style.js';
import { ago, batch, change, facts, incident, interaction, invoice, options, referral } from './builders.js';

const golden = (name: string) => fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden', name), 'utf8');
const plain = plainStyle;

const troubled = facts({
  invoices: [
    ...batch(3, ago(200), 25, { amount: 150000 }),
    invoice({ due: ago(40), number: 'INV-0007', amount: 120000 }),
    invoice({ due: ago(100), paid: ago(99), disputes: [{ openedOn: ago(110), reason: 'too\u001b[31m dear', resolvedOn: ago(105), outcome: 'discounted', conceded: 20000 }] }),
    invoice({ due: ago(130), paid: ago(130), disputes: [{ openedOn: ago(131), reason: 'haggling' }] }),
  ],
  incidents: [incident('verbal-abuse', ago(20), { note: 'shouted on the call' })],
  changes: [change(ago(10), { unbilled: true, project: 'Site' }), change(ago(30), { project: 'Site' }), change(ago(50), { unbilled: true })],
  interactions: [{ ...interaction('2026-11-21T23:10:00Z'), channel: 'phone' }],
  referrals: [referral(ago(300))],
  otherIncome: [{ on: ago(60), currency: 'EUR', amount: 500000 }],
});

describe('review card', () => {
  it('matches the golden card, with --explain, and neutralises control characters', () => {
    const v = evaluate(troubled, options());
    const card = renderReview({ id: 1, name: 'Acme' }, v, { style: plain, explain: true, width: 80 });
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden', 'card.txt'), card);
    expect(card).toBe(golden('card.txt'));
    expect(card).not.toContain('\u001b');
    // It fits the 80 columns a terminal of unknown width gets.
    for (const line of card.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it('matches the golden --all table', () => {
    const model = facts({ invoices: batch(6, ago(30), 0) });
    const rows = [
      { client: { id: 1, name: 'Acme' }, verdict: evaluate(troubled, options()), trend: [0, 10, 20, 30, 45, 60, 70, 80, 90, 95, 99, 100].map((score, k) => ({ on: `m${k}`, score })) },
      { client: { id: 2, name: 'Model' }, verdict: evaluate(model, options()), trend: Array.from({ length: 12 }, (_, k) => ({ on: `m${k}`, score: 0 })) },
    ];
    const all = renderReviewAll('2026-11-22', rows, plain);
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden', 'all.txt'), all);
    expect(all).toBe(golden('all.txt'));
  });

  it('draws a sparkline from 0..100', () => {
    expect(sparkline([0, 7, 8, 50, 92, 93, 100])).toBe('▁▁▂▅▇██');
  });
});
