import type { ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { CLINICIAN, signIn, spawnAndRead, stopProcess } from './bridgeFixture';
import { IMPORTED } from './settingsModelFile';

// Settings against the full app core (settingsBridge.ts): the first
// account is the owner, so it may change practice settings and manage
// users. Models come from a local stand-in for the hub; the EHR is the
// in-process sandbox.
const PASSWORD = 'synthetic test pass phrase';
let bridge: { child: ChildProcess; openUrl: string };

test.beforeAll(async () => {
  const { child, matches } = await spawnAndRead(
    ['bin/run-ts.mjs', 'tests/browser/settingsBridge.ts'],
    {},
    [/open: (\S+)/],
  );
  bridge = { child, openUrl: matches[0] ?? '' };
});

test.afterAll(async () => {
  await stopProcess(bridge.child);
});

test('downloads a model with a progress bar, cancels and resumes one, changes retention, tests the EHR', async ({
  page,
}) => {
  await page.goto(bridge.openUrl);
  await signIn(page);
  const nav = page
    .getByRole('navigation')
    .getByRole('button', { name: 'Settings', exact: true });
  await nav.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Settings');
  const models = page.getByRole('table', { name: 'Speech models' });
  const row = (name: string) =>
    models.getByRole('row').filter({ hasText: name });

  // A download that stops half-way: its bar shows bytes, then it is cancelled.
  await page.getByRole('button', { name: 'Download halted.test' }).click();
  const halted = page.getByRole('progressbar', {
    name: 'Download of halted.test',
  });
  await expect(halted).toHaveAttribute('value', '50');
  await expect(row('halted.test')).toContainText(
    'Downloading halted.test: 1.0 MB of 2.0 MB (50%)',
  );
  await page.screenshot({
    path: 'test-results/settings-download.png',
    fullPage: true,
  });
  const cancel = page.getByRole('button', {
    name: 'Cancel download of halted.test',
  });
  await cancel.focus();
  await page.keyboard.press('Enter');
  await expect(halted).toHaveCount(0);
  await expect(row('halted.test')).toContainText(
    'Download cancelled. What arrived is kept; downloading again resumes it.',
  );
  await expect(row('halted.test')).toContainText('Not installed');

  // Resumed, it completes and passes its checksum.
  await page
    .getByRole('button', { name: 'Resume download halted.test' })
    .click();
  await expect(row('halted.test')).toContainText('Installed');
  await expect(row('halted.test')).not.toContainText('Not installed');

  // A paced download shows its bar moving, then the model is installed.
  await page.getByRole('button', { name: 'Download paced.test' }).click();
  const paced = page.getByRole('progressbar', {
    name: 'Download of paced.test',
  });
  await expect(paced).toBeVisible();
  await expect(row('paced.test')).toContainText('of 2.0 MB');
  await expect(row('paced.test')).toContainText('Installed');
  await expect(row('paced.test')).not.toContainText('Not installed');
  await expect(paced).toHaveCount(0);

  // A model file the practice has: its checksum names the model it is.
  await expect(row('unpinned.test')).toContainText(
    'No pinned checksum: import a copy',
  );
  await page.getByLabel('Model file to import').setInputFiles({
    name: 'ggml-imported.test.bin',
    mimeType: 'application/octet-stream',
    buffer: IMPORTED,
  });
  await page.getByRole('button', { name: 'Import model' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Installed as' }),
  ).toHaveText('Installed as imported.test (checksum matches).');
  await expect(row('imported.test')).not.toContainText('Not installed');

  // Retention: an invalid value is refused in words, a valid one is saved
  // and the page shows what settings:get now reports.
  const days = page.getByLabel('Days to keep the transcript after signing');
  await days.fill('12.5');
  await page.getByRole('button', { name: 'Save retention' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Enter a whole number of days (0 or more).',
  );
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await days.fill('21');
  await page.getByLabel('Recording after signing').selectOption('keep');
  await days.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved.' }),
  ).toHaveText(
    'Saved. Transcripts are kept 21 days after signing; the recording is kept.',
  );
  await expect(
    page.getByText(
      'Now: transcripts are kept 21 days after signing; recordings are kept.',
    ),
  ).toBeVisible();
  await page.reload();
  await signIn(page);
  await page
    .getByRole('navigation')
    .getByRole('button', { name: 'Settings', exact: true })
    .click();
  await expect(
    page.getByText(
      'Now: transcripts are kept 21 days after signing; recordings are kept.',
    ),
  ).toBeVisible();

  // The sandbox EHR answers its metadata request.
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Connected to' }),
  ).toHaveText(/^Connected to Sandbox EHR \(local\): FHIR .+ answered\.$/);
  await page.screenshot({
    path: 'test-results/settings-practice.png',
    fullPage: true,
  });
});

test('the owner adds and disables users; a clinician manages none; payer rules show', async ({
  page,
}) => {
  await page.goto(bridge.openUrl);
  await signIn(page);
  const openSettings = async () => {
    await page
      .getByRole('navigation')
      .getByRole('button', { name: 'Settings', exact: true })
      .click();
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(
      'Settings',
    );
  };
  await openSettings();

  // Each payer profile's telehealth rules, as claims will carry them.
  const medicare = page.getByRole('table', {
    name: 'Payer Medicare Part B (traditional)',
  });
  await expect(
    medicare.getByRole('row').filter({ hasText: 'Audio only' }).first(),
  ).toContainText('POS 10 (telehealth at home)93');
  await expect(
    page
      .getByRole('table', { name: 'Payer Generic commercial plan' })
      .getByRole('row')
      .filter({ hasText: 'Video' })
      .first(),
  ).toContainText('95');

  // Add a clinician from the keyboard; a mistyped confirmation is refused.
  const users = page.getByRole('table', { name: 'Users' });
  const row = (username: string) =>
    users.getByRole('row').filter({ hasText: username });
  await expect(row(CLINICIAN.username)).toContainText('You');
  await expect(page.getByRole('form', { name: 'Add user' })).toBeVisible();
  const addUser = async (name: string, username: string, confirm: string) => {
    await page.getByLabel('Display name').fill(name);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Role').selectOption('clinician');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Confirm password').fill(confirm);
    await page.getByLabel('Confirm password').press('Enter');
  };
  await addUser('Jordan Lee', 'jlee', 'not the same');
  await expect(page.getByRole('alert')).toHaveText('The two passwords differ.');
  await expect(page.getByLabel('Confirm password')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await page.getByLabel('Confirm password').fill(PASSWORD);
  await page.getByLabel('Confirm password').press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: 'Added' }),
  ).toHaveText('Added Jordan Lee (jlee).');
  await expect(row('jlee')).toContainText('Jordan LeejleeClinicianActive');
  await addUser('Sam Park', 'spark', PASSWORD);
  await expect(row('spark')).toContainText('Active');

  // Disabled, the account shows so; its button now enables it.
  await page.getByRole('button', { name: 'Disable jlee' }).click();
  await expect(row('jlee')).toContainText('Disabled');
  await expect(page.getByRole('button', { name: 'Enable jlee' })).toBeVisible();
  await page.screenshot({
    path: 'test-results/settings-users.png',
    fullPage: true,
  });

  // A disabled account cannot sign in.
  const signInAs = async (username: string) => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    // Settings' own Username field is gone once the sign-in form shows.
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };
  await signInAs('jlee');
  await expect(page.getByRole('alert')).toContainText(
    'Wrong username or password.',
  );

  // A clinician who is not the owner sees no user management.
  await page.getByLabel('Username').fill('spark');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation')).toContainText('Sam Park');
  await openSettings();
  await expect(medicare).toBeVisible();
  await expect(
    page.getByText('An administrator or the practice owner changes retention.'),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Users' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Add user' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Disable / })).toHaveCount(0);
});
