import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { serve, spawnAndRead, type ServedApp } from './bridgeFixture';

// The whole clinician flow through the real bridge and core: import a
// recording made elsewhere, review the draft against its evidence, sign,
// see the suggested code and the delivery reach a local FHIR server.
const RECORDING = path.resolve('../shared/fixtures/sessions/cbt-phq9-demo.flac');
const shot = (name: string) => ({ path: `test-results/full-flow-${name}.png`, fullPage: true });

let dataDir: string;
let ehr: { child: ChildProcess; baseUrl: string };
let bridge: { app: ServedApp; child: ChildProcess };

test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'hushnote-flow-'));
  const sandbox = await spawnAndRead(['bin/run-ts.mjs', 'tests/browser/sandboxEhr.ts'], {}, [/sandbox: (\S+)/]);
  ehr = { child: sandbox.child, baseUrl: sandbox.matches[0] ?? '' };
  bridge = await serve({
    HUSHNOTE_DATA_DIR: dataDir,
    HUSHNOTE_EHR: 'sandbox',
    HUSHNOTE_EHR_URL: ehr.baseUrl,
  });
});

test.afterAll(() => {
  bridge.child.kill('SIGTERM');
  ehr.child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

/** The FHIR server the bridge delivers to: its own `ehr:` line, else ours. */
function ehrBaseUrl(): string {
  return /ehr: (\S+)/.exec(bridge.app.output())?.[1] ?? ehr.baseUrl;
}

test('import, review evidence, sign, bill and deliver to the EHR', async ({ page, request }) => {
  await page.goto(bridge.app.openUrl);
  await expect(page.getByRole('status').first()).toContainText('Connected (bridge)');

  // Today: one click starts a session for the first appointment.
  const start = page.getByRole('button', { name: 'Start session' }).first();
  await expect(start).toBeVisible();
  await page.screenshot(shot('1-today'));
  await start.click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Session');

  // Session: import the recording and follow its progress to the end.
  await page.getByLabel('Recording file').setInputFiles(RECORDING);
  await page.getByRole('button', { name: 'Import and transcribe' }).click();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await page.screenshot(shot('2-session-importing'));
  const openReview = page.getByRole('button', { name: 'Open review' });
  await expect(openReview).toBeVisible({ timeout: 540_000 });
  await page.screenshot(shot('3-session-done'));
  await openReview.click();

  // Review: clicking a sentence highlights its evidence in the transcript.
  await expect(page.getByRole('complementary', { name: 'Transcript' })).toBeVisible();
  const sentences = page.locator('button.sentence');
  expect(await sentences.count()).toBeGreaterThan(0);
  const highlighted = page.locator('li.segment.evidence');
  for (let i = 0; i < (await sentences.count()); i++) {
    await sentences.nth(i).click();
    if ((await highlighted.count()) > 0) break;
  }
  await expect(highlighted.first()).toBeVisible();
  await expect(highlighted.first()).toHaveAttribute('aria-current', 'true');
  await page.screenshot(shot('4-review-evidence'));

  // Sign: the note locks.
  await page.getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByTestId('note-status')).toHaveText('signed');
  await expect(page.getByRole('button', { name: 'Sign note' })).toHaveCount(0);
  await page.screenshot(shot('5-review-signed'));

  // Billing: the suggested code, then delivery to the EHR.
  await page.getByRole('button', { name: 'Open billing' }).click();
  await expect(page.getByTestId('cpt').first()).toHaveText(/^9\d{4}$/);
  await page.getByRole('button', { name: 'Send to EHR' }).click();
  await expect(page.getByTestId('delivery-status').first()).toHaveAttribute('data-status', 'delivered', { timeout: 60_000 });
  await page.screenshot(shot('6-billing-delivered'));

  // The FHIR server holds the session's note.
  const found = await request.get(`${ehrBaseUrl()}/DocumentReference`);
  expect(found.ok()).toBe(true);
  const bundle = (await found.json()) as { entry?: unknown[] };
  expect(bundle.entry?.length ?? 0).toBeGreaterThan(0);
});

test('every screen renders in both themes', async ({ page }) => {
  await page.goto(bridge.app.openUrl);
  for (const theme of ['light', 'dark']) {
    for (const title of ['Today', 'Session', 'Notes', 'Billing', 'Clients', 'Settings', 'Audit']) {
      await page.getByRole('navigation').getByRole('button', { name: title, exact: true }).click();
      await expect(page.getByRole('heading', { level: 2 })).toHaveText(title);
      await expect(page.getByRole('alert')).toHaveCount(0);
      await page.screenshot(shot(`screen-${title.toLowerCase()}-${theme}`));
    }
    await page.getByRole('button', { name: /theme$/ }).first().click();
  }
});
