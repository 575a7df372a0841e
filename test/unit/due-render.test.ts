// The human view of `crm due`: grouping, order, wording, alignment and injected colour.
import { describe, expect, it } from 'vitest';
import type { DueReport } from '../../src/domain/due.js';
import { lateness, renderDue } from '../../src/render/due.js';
import { oneLine } from '../../src/domain/text.js';
import { plainStyle, type Style } from '../../src/render/style.js';


const report: DueReport = {
  asOf: '2026-11-22',
  checkIns: [
    { client: { id: 2, name: 'Beta Ltd', }, lastContact: '2026-10-30', cadenceDays: 14, dueOn: '2026-11-13', daysOverdue: 9 },
    { client: { id: 5, name: '山田商店' }, lastContact: null, cadenceDays: 1, dueOn: '2026-11-22', daysOverdue: 0 },
  ],
  invoices: [
    { client: { id: 3, name: 'Acme Corp' }, number: 'INV-0007', balance: { amount: 60000, currency: 'EUR' }, dueOn: '2026-11-01', daysOverdue: 21 },
    { client: { id: 2, name: 'Beta Ltd' }, number: 'INV-0012', balance: { amount: 5000, currency: 'USD' }, dueOn: '2026-11-24', daysOverdue: -2 },
  ],
  reminders: [
    { id: 4, client: { id: 3, name: 'Acme Corp' }, on: '2026-11-21', kind: 'follow-up', text: 'Ask about\nthe renewal', daysOverdue: 1 },
  ],
};

describe('lateness', () => {
  it.each([
    [21, '21 days overdue'],
    [1, '1 day overdue'],
    [0, 'due today'],
    [-1, 'tomorrow'],
    [-2, 'in 2 days'],
  ])('%i -> %s', (days, text) => expect(lateness(days)).toBe(text));
});

describe('renderDue', () => {
  it('groups check-ins, invoices and reminders with aligned columns (golden)', () => {
    expect(renderDue(report, { style: plainStyle, within: 3 })).toBe(
      [
        'Due in the next 3 days (as of 2026-11-22)',
        '',
        'Check-ins (2)',
        '  Beta Ltd  9 days overdue  last contact 2026-10-30, every 14 days',
        '  山田商店  due today       never contacted, every day',
        '',
        'Invoices to chase (2)',
        '  INV-0007  Acme Corp  600.00 EUR  21 days overdue  due 2026-11-01',
        '  INV-0012  Beta Ltd   50.00 USD   in 2 days        due 2026-11-24',
        '',
        'Reminders (1)',
        '  reminder:4  Acme Corp  1 day overdue  Ask about the renewal (follow-up)',
        '',
      ].join('\n'),
    );
  });

  it('leaves out empty groups', () => {
    const out = renderDue({ ...report, checkIns: [], invoices: [] }, { style: plainStyle, within: 0 });
    expect(out).toMatch(/^Due today/);
    expect(out).toContain('Reminders (1)');
    expect(out).not.toContain('Check-ins');
    expect(out).not.toContain('Invoices');
  });

  it('says so in a friendly line when nothing is due', () => {
    const empty = { asOf: '2026-11-22', checkIns: [], invoices: [], reminders: [] };
    expect(renderDue(empty, { style: plainStyle, within: 0 })).toBe('Nothing due today. (as of 2026-11-22)\n');
    expect(renderDue(empty, { style: plainStyle, within: 1 })).toContain('Nothing due in the next day.');
  });

  it('colours only through the injected style, by urgency', () => {
    const tag = (name: string) => (s: string) => `<${name}>${s}</${name}>`;
    const style: Style = { bold: tag('b'), red: tag('r'), yellow: tag('y'), dim: tag('d'), green: tag('g') };
    const out = renderDue(report, { style, within: 3 });
    expect(out).toContain('<r>9 days overdue</r>');
    expect(out).toContain('<y>due today</y>');
    expect(out).toContain('<d>in 2 days</d>');
    expect(out).toContain('<b>Check-ins (2)</b>');
    // padding sits outside the colour codes, so coloured columns still line up
    expect(out).toContain('<y>due today</y>       <d>never contacted');
  });

  it('never lets stored text smuggle terminal escapes into the view', () => {
    expect(oneLine('evil\u001b[2J\u0007name\r\nnext')).toBe('evil␛[2J\\x07name next');
    const out = renderDue(
      { ...report, checkIns: [], invoices: [], reminders: [{ ...report.reminders[0]!, text: 'x\u001b]0;pwned\u0007y' }] },
      { style: plainStyle, within: 0 },
    );
    // eslint-disable-next-line no-control-regex -- the point: no control character but \n
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});
