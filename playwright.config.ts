import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/support/chromium-launch';

/**
 * E2E against a production build (`next build && next start`) in Debian's Chromium — never a
 * downloaded browser. The server runs on the embedded defaults with its own throwaway database.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const chromium = chromiumLaunchOptions;

export default defineConfig({
  testDir: './tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: chromium,
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions: chromium } },
    { name: 'mobile', use: { ...devices['Pixel 7'], viewport: { width: 360, height: 780 }, launchOptions: chromium } },
  ],
  webServer: {
    // A fresh database per run: leftovers of an aborted run (an extra published quest) would skew counts.
    command: `rm -rf .data/e2e-pglite && npm run build && npx next start -H 127.0.0.1 -p ${PORT}`,
    // Readiness, not liveness: /api/health answers before the database is up, and the embedded
    // database's first use (migrations, seed) would otherwise land on the first test's request.
    url: `http://127.0.0.1:${PORT}/api/health/ready`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    env: {
      NEXT_TELEMETRY_DISABLED: '1',
      PGLITE_DATA_DIR: '.data/e2e-pglite',
      DATABASE_URL: '',
      // The suite reads verification links from the outbox through /dev/mailbox.
      ENABLE_DEV_MAILBOX: 'true',
      // Accounts registered at this domain become super_admin once verified (the admin journeys).
      BOOTSTRAP_SUPER_ADMINS: '@admin.e2e.test',
      // Every simulated visitor shares 127.0.0.1: the suite registers more accounts in a minute
      // than one real visitor's 20 anonymous API calls allow.
      RATE_LIMIT_PUBLIC_PER_MINUTE: '1000',
      SENDGRID_API_KEY: '',
      NEXT_PUBLIC_SUPABASE_URL: '',
      REDIS_URL: '',
      STRIPE_SECRET_KEY: '',
    },
  },
});
