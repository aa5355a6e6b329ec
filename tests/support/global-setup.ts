import { execFileSync } from 'node:child_process';
import path from 'node:path';
import postgres from 'postgres';
import { assertLocalDatabaseUrl, withDatabase } from './local-database-url';

/**
 * With TEST_DATABASE_URL set, builds one migrated template database for the run; each test file
 * then copies it (CREATE DATABASE … TEMPLATE), which is much faster than migrating per file.
 * Roles are cluster-wide, so creating them once here also keeps workers from racing to create
 * them. The migration runs through the real `npm run db:migrate` entry point.
 */
export default async function globalSetup(): Promise<void> {
  const raw = process.env.TEST_DATABASE_URL;
  if (!raw) return;
  const base = assertLocalDatabaseUrl(raw);
  const template = `wf_tpl_${process.pid}_${Date.now()}`;
  const admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${template}`);
  } finally {
    await admin.end();
  }
  const root = path.resolve(__dirname, '..', '..');
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), '--conditions=react-server', 'scripts/db-migrate.ts'],
    { cwd: root, env: { ...process.env, DATABASE_URL: withDatabase(base, template) }, stdio: 'pipe' },
  );
  process.env.WF_TEST_TEMPLATE_DB = template;
}
