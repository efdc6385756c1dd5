import { expect, signIn, test } from './bridgeFixture';

test('the shell opens through the bridge and every screen is reachable', async ({
  page,
  served,
}) => {
  await page.goto(served.openUrl);
  await expect(page.getByRole('status').first()).toContainText(
    'Connected (bridge)',
  );
  await signIn(page);

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
  }
  await page.screenshot({ path: 'test-results/shell.png', fullPage: true });
});

test('the bridge API refuses calls without the token', async ({
  request,
  served,
}) => {
  const response = await request.post(`${served.url}api/app:info`, {
    data: {},
  });
  expect(response.status()).toBe(401);
});
