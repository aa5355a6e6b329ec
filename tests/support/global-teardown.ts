import postgres from 'postgres';
import { assertLocalDatabaseUrl } from './local-database-url';

export default async function globalTeardown(): Promise<void> {
  const raw = process.env.TEST_DATABASE_URL;
  const template = process.env.WF_TEST_TEMPLATE_DB;
  if (!raw || !template) return;
  const admin = postgres(assertLocalDatabaseUrl(raw).toString(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${template} with (force)`);
  } finally {
    await admin.end();
  }
}
