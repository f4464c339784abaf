/**
 * Starts the built production server for the end-to-end tests with a fresh database each run.
 * The database lives in tests/e2e/.output/db (git-ignored) and is deleted first.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dir = resolve(import.meta.dirname, '.output/db');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

process.env.DATABASE_URL = join(dir, 'meedoen.db');
process.env.MEEDOEN_DEMO = '0';
process.env.HOST = '127.0.0.1';
process.env.PORT ??= '4173';
// Every browser in the run signs up from 127.0.0.1.
process.env.MEEDOEN_SIGNUPS_PER_HOUR = '100000';
delete process.env.ORIGIN;

await import('../../src/server/entry.js');
