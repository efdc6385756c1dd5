import type { ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { spawnAndRead, stopProcess } from './bridgeFixture';

// The live session screen against the real capture controller and
// handlers: a fake audio source plays silence faster than real time and
// the fixture's reference utterances stand in for the streaming pipeline.
let bridge: { child: ChildProcess; openUrl: string };

test.beforeAll(async () => {
  const { child, matches } = await spawnAndRead(
    ['bin/run-ts.mjs', 'tests/browser/liveBridge.ts'],
    {},
    [/open: (\S+)/],
  );
  bridge = { child, openUrl: matches[0] ?? '' };
});

test.afterAll(async () => {
  await stopProcess(bridge.child);
});

test('live transcript with roles, a risk flag, quick PHQ-9 entry, pause and stop', async ({
  page,
}) => {
  await page.goto(bridge.openUrl);
  await page.getByRole('button', { name: 'Start session' }).first().click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Session');

  await page.getByLabel('Verbal, at the start of the session').check();
  await page.getByRole('button', { name: 'Start recording' }).click();
  await expect(page.getByRole('timer')).not.toHaveText('0:00');

  // Segments appear as they finalize, each with its role.
  const transcript = page.getByRole('list', { name: 'Live transcript' });
  const first = transcript.getByRole('listitem').first();
  await expect(first).toContainText('thanks for joining the video call');
  await expect(first.locator('.role')).toHaveText('Clinician');
  await expect(
    transcript.locator('.role', { hasText: /^Client$/ }).first(),
  ).toBeVisible();

  // The client's passive ideation raises a flag while recording goes on.
  await expect(
    page.getByRole('list', { name: 'Risk flags' }).getByRole('listitem'),
  ).toContainText(['Passive suicidal ideation (moderate)']);

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByText('paused', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByText('recording', { exact: true })).toBeVisible();

  // Quick PHQ-9 entry: 2+2+1+1+0+1+1+0+1 = 9, mild; item 9 above 0 flags.
  const answers = [2, 2, 1, 1, 0, 1, 1, 0, 1];
  for (const [i, value] of answers.entries()) {
    await page
      .getByRole('radiogroup', { name: `PHQ-9 item ${i + 1}` })
      .getByRole('radio')
      .nth(value)
      .check();
  }
  await expect(page.getByText('0 items unanswered')).toBeVisible();
  await page.getByRole('button', { name: 'Save PHQ-9' }).click();
  await expect(page.getByTestId('saved-assessment')).toHaveText(
    'PHQ-9 total 9 (mild)',
  );
  await expect(
    page.getByRole('list', { name: 'Risk flags' }).getByRole('listitem'),
  ).toContainText([
    'Passive suicidal ideation (moderate)',
    'PHQ-9 item 9 above 0 (moderate)',
  ]);
  await page.screenshot({
    path: 'test-results/live-session.png',
    fullPage: true,
  });

  await page.getByRole('button', { name: 'Stop and save' }).click();
  await expect(page.getByText('saved', { exact: true })).toBeVisible();
});
