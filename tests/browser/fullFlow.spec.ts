import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { modelsDir } from '../../electron/core/paths';
import {
  CLINICIAN,
  isolatedStore,
  serve,
  signIn,
  spawnAndRead,
  stopProcess,
  type ServedApp,
} from './bridgeFixture';

// The whole clinician flow through the real bridge and core: import a
// recording made elsewhere, review the draft against its evidence, sign,
// see the suggested code and the delivery reach a local FHIR server.
const RECORDING = path.resolve(
  '../shared/fixtures/sessions/cbt-phq9-demo.flac',
);
const APPOINTMENT = path.resolve(
  'resources/samples/cbt-phq9-demo.appointment.json',
);
/** What the tests read of an audio element (this config has no DOM types). */
interface MediaState {
  duration: number;
  currentTime: number;
  ended: boolean;
}

const shot = (name: string) => ({
  path: `test-results/full-flow-${name}.png`,
  fullPage: true,
});

let store: ReturnType<typeof isolatedStore>;
let ehr: { child: ChildProcess; baseUrl: string };
let bridge: { app: ServedApp; child: ChildProcess };

test.beforeAll(async () => {
  store = isolatedStore();
  const sandbox = await spawnAndRead(
    ['bin/run-ts.mjs', 'tests/browser/sandboxEhr.ts'],
    {},
    [/sandbox: (\S+)/],
  );
  ehr = { child: sandbox.child, baseUrl: sandbox.matches[0] ?? '' };
  // The bridge delivers to our sandbox FHIR server, so the test can look in it.
  bridge = await serve({
    ...store.env,
    HUSHNOTE_EHR: ehr.baseUrl,
    ...smallestWhisper(),
  });
});

test.afterAll(async () => {
  await stopProcess(bridge.child);
  await stopProcess(ehr.child);
  store.remove();
});

/**
 * The English-only tiny model when provisioned: this test checks the flow,
 * not recognition quality (the speech tests do), on two shared cores.
 */
function smallestWhisper(): NodeJS.ProcessEnv {
  const tiny = path.join(modelsDir(), 'ggml-tiny.en-ct2.bin');
  return existsSync(tiny) ? { HUSHNOTE_WHISPER_MODEL: tiny } : {};
}

test('import, review evidence, sign, bill and deliver to the EHR', async ({
  page,
  request,
}) => {
  // Transcribing 3.5 minutes of stereo audio on two shared cores takes long.
  test.setTimeout(3_600_000);
  await page.goto(bridge.app.openUrl);
  await expect(page.getByRole('status').first()).toContainText(
    'Connected (bridge)',
  );

  await signIn(page);

  // Today: a new session for the client from the appointment the EHR exported.
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Today');
  await page.screenshot(shot('1-today'));
  await page
    .getByLabel('New session from an appointment file')
    .setInputFiles(APPOINTMENT);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Session');

  // Session: import the recording and follow its progress to the end.
  await page.getByLabel('Recording file').setInputFiles(RECORDING);
  await page.getByRole('button', { name: 'Import and transcribe' }).click();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await page.screenshot(shot('2-session-importing'));
  const openReview = page.getByRole('button', { name: 'Open review' });
  await expect(openReview).toBeVisible({ timeout: 3_300_000 });
  await page.screenshot(shot('3-session-done'));
  await openReview.click();

  // Review: clicking a sentence highlights its evidence in the transcript
  // and plays that stretch of the recording from the encrypted spool.
  await expect(
    page.getByRole('complementary', { name: 'Transcript' }),
  ).toBeVisible();
  await showEvidence(page);
  const audio = page.getByTestId('evidence-audio');
  await expect(audio).toBeVisible();
  await expect(audio).toHaveAccessibleName(/^Evidence audio, /);
  await expect
    .poll(() => audio.evaluate((a: MediaState) => a.duration))
    .toBeGreaterThan(0);
  // It plays by itself: the click was the user's gesture.
  await expect
    .poll(() => audio.evaluate((a: MediaState) => a.currentTime > 0 || a.ended))
    .toBe(true);
  // Thinly supported sentences carry a visible mark, not colour alone.
  await expect(page.locator('button.sentence .evidence-mark')).toHaveCount(
    await page.locator('button.sentence.low-evidence').count(),
  );
  await page.screenshot(shot('4-review-evidence'));

  // Another template, drafted again from the transcript; then one section.
  await page.getByLabel('Note template').selectOption('birp');
  await page.getByRole('button', { name: 'Switch to BIRP' }).click();
  const note = page.getByRole('article', { name: 'Note' });
  await expect(note.getByRole('heading', { name: 'Behavior' })).toBeVisible();
  await expect(note.getByText('BIRP · version 2')).toBeVisible();
  await note.getByRole('button', { name: 'Redraft Plan' }).click();
  await expect(note.getByText('BIRP · version 3')).toBeVisible();
  await expect(page.getByTestId('note-status')).toHaveText('edited');
  await page.screenshot(shot('5-review-birp'));

  // Sign: the note locks, and retention has deleted the recording.
  await page.getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByTestId('note-status')).toHaveText('signed');
  await expect(page.getByRole('button', { name: 'Sign note' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Redraft/ })).toHaveCount(0);
  await expect(note.getByText(`by ${CLINICIAN.displayName}`)).toBeVisible();
  await showEvidence(page);
  await expect(page.getByText('The recording is no longer kept')).toBeVisible();
  await page.screenshot(shot('6-review-signed'));

  // Billing: the suggested code, then delivery to the EHR.
  await page.getByRole('button', { name: 'Open billing' }).click();
  await expect(page.getByTestId('cpt').first()).toHaveText(/^9\d{4}$/);
  await page.getByRole('button', { name: 'Send to EHR' }).click();
  await expect(page.getByTestId('delivery-status').first()).toHaveAttribute(
    'data-status',
    'delivered',
    { timeout: 60_000 },
  );
  await page.screenshot(shot('7-billing-delivered'));

  // The FHIR server holds the session's note.
  const found = await request.get(`${ehr.baseUrl}/DocumentReference`);
  expect(found.ok()).toBe(true);
  const bundle = (await found.json()) as { entry?: unknown[] };
  expect(bundle.entry?.length ?? 0).toBeGreaterThan(0);
});

/** Clicks sentences in order until one highlights transcript segments. */
async function showEvidence(page: Page): Promise<void> {
  const sentences = page.locator('button.sentence');
  expect(await sentences.count()).toBeGreaterThan(0);
  const highlighted = page.locator('li.segment.evidence');
  for (let i = 0; i < (await sentences.count()); i++) {
    await sentences.nth(i).click();
    if ((await highlighted.count()) > 0) break;
  }
  await expect(highlighted.first()).toBeVisible();
  await expect(highlighted.first()).toHaveAttribute('aria-current', 'true');
}

test('every screen renders in both themes', async ({ page }) => {
  await page.goto(bridge.app.openUrl);
  await signIn(page);
  for (const theme of ['light', 'dark']) {
    for (const title of [
      'Today',
      'Session',
      'Notes',
      'Billing',
      'Clients',
      'Settings',
      'Audit',
    ]) {
      await page
        .getByRole('navigation')
        .getByRole('button', { name: title, exact: true })
        .click();
      await expect(page.getByRole('heading', { level: 2 })).toHaveText(title);
      await expect(page.getByRole('alert')).toHaveCount(0);
      await page.screenshot(shot(`screen-${title.toLowerCase()}-${theme}`));
    }
    await page
      .getByRole('button', { name: /theme$/ })
      .first()
      .click();
  }
});
