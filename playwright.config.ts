import { defineConfig } from '@playwright/test';

/**
 * Browser tests drive the built site (dist/) served by `astro preview`, in the system Chromium
 * (Debian's package): Playwright's own browser download is not available here.
 */
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
// E2E_PORT lets several runs share a machine without sharing (or killing) one server.
const port = Number(process.env['E2E_PORT'] ?? 4321);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env['CI'] ? 2 : 2,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `node scripts/serve.ts --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  },
});
