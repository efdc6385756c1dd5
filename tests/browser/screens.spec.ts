import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { spawnAndRead, stopProcess } from './bridgeFixture';

// The screens against the real core registry and handlers with an
// in-memory session service: fast, no models. fullFlow.spec.ts runs the
// same path against the real service.
const RECORDING = path.resolve(
  '../shared/fixtures/sessions/cbt-phq9-demo.flac',
);
/** What the test reads of an audio element (this config has no DOM types). */
interface MediaState {
  duration: number;
}

const shot = (name: string) => ({
  path: `test-results/screens-${name}.png`,
  fullPage: true,
});

let bridge: { child: ChildProcess; openUrl: string };

test.beforeAll(async () => {
  const { child, matches } = await spawnAndRead(
    ['bin/run-ts.mjs', 'tests/browser/fakeBridge.ts'],
    {},
    [/open: (\S+)/],
  );
  bridge = { child, openUrl: matches[0] ?? '' };
});

test.afterAll(async () => {
  await stopProcess(bridge.child);
});

test('import with progress, evidence on click, sign, bill and deliver', async ({
  page,
}) => {
  await page.goto(bridge.openUrl);
  await page.getByRole('button', { name: 'Start session' }).first().click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Session');

  // Consent is required before capture: refused with plain words.
  await page.getByRole('button', { name: 'Start recording' }).click();
  await expect(page.getByRole('alert')).toContainText('consent');

  // With consent recorded, capture starts; stopping hands the recording on.
  await page.getByLabel('Verbal, at the start of the session').check();
  await page.getByRole('button', { name: 'Start recording' }).click();
  await expect(page.getByRole('timer')).toBeVisible();
  await expect(page.getByLabel('Microphone (you) level')).toBeVisible();
  await page.screenshot(shot('session-recording'));
  await page.getByRole('button', { name: 'Stop and save' }).click();
  await expect(page.getByText('saved', { exact: true })).toBeVisible();

  await page.getByLabel('Recording file').setInputFiles(RECORDING);
  await page.getByRole('button', { name: 'Import and transcribe' }).click();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await page.getByRole('button', { name: 'Open review' }).click();

  const sentence = page.getByRole('button', {
    name: 'Client reports poor sleep.',
  });
  await sentence.click();
  await expect(sentence).toHaveAttribute('aria-pressed', 'true');
  const evidence = page.locator('li.segment.evidence');
  await expect(evidence).toHaveCount(1);
  await expect(evidence).toContainText('sleeping maybe four hours');
  await expect(page.locator('button.sentence.low-evidence')).toHaveCount(1);
  await expect(
    page.locator('button.sentence.low-evidence').getByText('thin evidence'),
  ).toBeVisible();
  // The evidence plays: a WAV clip from the core in a labelled player.
  const audio = page.getByTestId('evidence-audio');
  await expect(audio).toHaveAccessibleName(/^Evidence audio, /);
  await expect
    .poll(() => audio.evaluate((a: MediaState) => a.duration))
    .toBeGreaterThan(0);
  await page.screenshot(shot('review'));

  // Template switch and one section again, from the keyboard.
  await page.getByLabel('Note template').selectOption('dap');
  await page.getByRole('button', { name: 'Switch to DAP' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Data' })).toBeVisible();
  await page.getByRole('button', { name: 'Redraft Assessment' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('DAP · version 3')).toBeVisible();
  await sentence.click();

  // Edit, save, then sign: the note locks.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page
    .getByLabel('Edit sentence')
    .fill('Client reports about four hours of sleep a night.');
  await page.getByLabel('Edit sentence').blur();
  await page.getByRole('button', { name: 'Save edits' }).click();
  await expect(page.getByTestId('note-status')).toHaveText('edited');
  await page.getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByTestId('note-status')).toHaveText('signed');

  await page.getByRole('button', { name: 'Open billing' }).click();
  await expect(page.getByTestId('cpt').first()).toHaveText('90837');
  await page.getByRole('button', { name: 'Send to EHR' }).click();
  await expect(page.getByTestId('delivery-status').first()).toHaveAttribute(
    'data-status',
    'delivered',
  );
  await page.screenshot(shot('billing'));
});

test('every screen renders in both themes with keyboard-reachable navigation', async ({
  page,
}) => {
  await page.goto(bridge.openUrl);
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
      const nav = page
        .getByRole('navigation')
        .getByRole('button', { name: title, exact: true });
      await nav.focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 2 })).toHaveText(title);
      await expect(page.getByRole('alert')).toHaveCount(0);
      await page.screenshot(shot(`${title.toLowerCase()}-${theme}`));
    }
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /theme$/ })
      .click();
    await expect(
      page.locator(`.app.theme-${theme === 'light' ? 'dark' : 'light'}`),
    ).toBeVisible();
  }
});
