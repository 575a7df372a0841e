#!/usr/bin/env node
// Writes test/fixtures/v1.db: a crm database at schema version 1 holding one of everything, made
// through the built binary (npm run build first). It is a record of a released schema, so it is
// generated once and committed; this script refuses to run once crm's schema has moved past 1
// (a v2 fixture needs its own script, made while v2 is the latest).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { LATEST_VERSION } = await import(path.join(ROOT, 'dist/db/migrations.js'));
if (LATEST_VERSION !== 1) {
  console.error(`crm's schema is at version ${LATEST_VERSION}; v1.db must be made by a crm whose latest schema is 1`);
  process.exit(1);
}

const target = path.join(ROOT, 'test/fixtures/v1.db');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-fixture-'));
const db = path.join(dir, 'crm.db');
const env = {
  PATH: process.env.PATH,
  HOME: dir,
  TZ: 'UTC',
  NO_COLOR: '1',
  CRM_DB: db,
  CRM_CONFIG: path.join(dir, 'no-config.json'),
};

function crm(now, ...args) {
  execFileSync(process.execPath, [path.join(ROOT, 'bin/crm.js'), ...args], { env: { ...env, CRM_NOW: now }, stdio: ['pipe', 'ignore', 'inherit'], input: args.includes('-') ? 'A note read from stdin,\nover two lines.' : '' });
}

crm('2025-01-10T09:00:00Z', 'client', 'add', 'Acme Corp', '--email', 'ops@acme.test', '--phone', '+47 555 0101', '--company', 'Acme AS', '--channel', 'email', '--cadence', '2w', '--timezone', 'Europe/Oslo', '--note', 'Prefers short calls.');
crm('2025-01-11T09:00:00Z', 'client', 'add', 'Zoë Lund', '--channel', 'phone', '--cadence', '1m', '--note', '-');
crm('2025-01-12T09:00:00Z', 'client', 'add', "O'Brien & Sons", '--cadence', '10');
crm('2025-01-13T09:00:00Z', 'client', 'add', '100%_Agency');
crm('2025-02-01T10:00:00Z', 'log', 'acme', '--at', '2025-02-01T09:30:00+01:00', '--channel', 'phone', '--direction', 'out', '--summary', 'Kick-off: scope and timeline', '--mood', 'positive', '--follow-up', '2025-02-05', '--next', 'Send the quote');
crm('2025-02-03T22:00:00Z', 'log', 'zoë', '--at', '2025-02-03 21:45', '--direction', 'in', '--summary', 'Called late about the logo', '--mood', 'negative');
crm('2025-02-04T10:00:00Z', 'remind', 'add', 'acme', '--on', '2025-02-20', '--text', 'Birthday card', '--kind', 'personal');
crm('2025-02-10T10:00:00Z', 'invoice', 'add', 'acme', '--amount', '1,200.50', '--currency', 'EUR', '--issued', '2025-02-10', '--terms', '14', '--project', 'Website');
crm('2025-02-10T10:00:00Z', 'invoice', 'add', 'zoë', '--amount', '50000', '--currency', 'JPY', '--number', '2025-JP-1', '--issued', '2025-02-10', '--due', '2025-03-01');
crm('2025-02-11T10:00:00Z', 'invoice', 'add', "o'brien", '--amount', '300', '--issued', '2025-02-11');
crm('2025-02-20T10:00:00Z', 'invoice', 'pay', 'INV-0001', '--amount', '600', '--on', '2025-02-20');
crm('2025-03-01T10:00:00Z', 'invoice', 'pay', 'INV-0001', '--on', '2025-03-01');
crm('2025-03-02T10:00:00Z', 'invoice', 'dispute', '2025-JP-1', '--reason', 'Wants 20% off after delivery', '--on', '2025-03-02');
crm('2025-03-05T10:00:00Z', 'invoice', 'resolve', '2025-JP-1', '--outcome', 'discounted', '--conceded', '10000', '--on', '2025-03-05');
crm('2025-03-06T10:00:00Z', 'invoice', 'pay', '2025-JP-1', '--on', '2025-03-06');
crm('2025-03-07T10:00:00Z', 'invoice', 'dispute', 'INV-0002', '--reason', 'Never received it', '--on', '2025-03-07');
crm('2025-03-08T10:00:00Z', 'change', 'add', 'acme', '--summary', 'New colour scheme', '--project', 'Website', '--hours', '6', '--unbilled');
crm('2025-03-09T10:00:00Z', 'incident', 'add', 'zoë', '--kind', 'verbal-abuse', '--on', '2025-03-09T08:00:00Z', '--severity', 'high', '--warned', '--note', 'Shouted at the designer.');
crm('2025-03-10T10:00:00Z', 'incident', 'add', 'zoë', '--kind', 'unreasonable-demand', '--note', '-');
crm('2025-03-11T10:00:00Z', 'referral', 'add', 'acme', '--note', 'Introduced us to Globex', '--on', '2025-03-11');
crm('2025-03-12T10:00:00Z', 'deliver', 'acme', '--project', 'Website v1', '--on', '2025-03-12');
crm('2025-03-20T10:00:00Z', 'remind', 'done', '1');
crm('2025-04-01T10:00:00Z', 'client', 'edit', 'acme', '--cadence', '3w');
crm('2025-04-02T10:00:00Z', 'client', 'archive', '100%', '--reason', 'project ended');
crm('2025-04-03T10:00:00Z', 'client', 'fire', 'zoë', '--reason', 'abuse');

const check = new Database(db, { readonly: true });
const version = check.pragma('user_version', { simple: true });
check.close();
if (version !== 1) throw new Error(`expected user_version 1, got ${version}`);
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.rmSync(target, { force: true });
const src = new Database(db, { readonly: true });
src.prepare('VACUUM INTO ?').run(target); // compact, no -wal beside it
src.close();
fs.chmodSync(target, 0o600);
fs.rmSync(dir, { recursive: true, force: true });
console.log(`wrote ${path.relative(ROOT, target)} (schema 1)`);
