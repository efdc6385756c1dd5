import { defineConfig } from '@playwright/test';

// Renderer tests run in Debian's Chromium against the browser bridge; no
// Electron binary exists on CI machines.
export default defineConfig({
  testDir: 'tests/browser',
  outputDir: 'test-results/playwright',
  timeout: 600_000,
  workers: 1,
  reporter: [['list']],
  use: {
    headless: true,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
