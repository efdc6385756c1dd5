import { defineConfig } from '@playwright/test';

// Renderer tests run in Debian's Chromium against the browser bridge; no
// Electron binary exists on CI machines.
export default defineConfig({
  testDir: 'tests/browser',
  // TODO(#10): the full flow transcribes the demo with real Whisper through
  // the bridge; the prebuilt binding runs without SIMD here (see #4), so it
  // has not finished within a test run on this machine. Run it on its own
  // with `npm run test:browser:full` until the binding is rebuilt.
  testIgnore:
    process.env['HUSHNOTE_FULL_FLOW'] === '1' ? [] : ['**/fullFlow.spec.ts'],
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
