import { defineConfig } from '@playwright/test';

// Renderer tests run in Debian's Chromium against the browser bridge; no
// Electron binary exists on CI machines.
export default defineConfig({
  testDir: 'tests/browser',
  outputDir: 'test-results/playwright',
  // fullFlow.spec.ts transcribes the demo with real Whisper on shared
  // cores; it sets its own, longer limit. No test asserts on time.
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
