import { expect, test } from '../stack/capture-secrets.ts';
import { USERS } from '../stack/settings.ts';
import { signIn, snap } from './helpers.ts';

test('[REVIEW] an admin invites an annotator who joins through the link, and the audit log shows it', async ({
  page,
  browser,
}) => {
  await signIn(page, USERS.admin);
  await page.getByRole('link', { name: 'Members' }).click();
  await expect(page.getByRole('heading', { name: 'Members and roles' })).toBeVisible();
  await page.getByLabel('Email').fill('new.annotator@demo.twinspect.test');
  await page.getByLabel('Role', { exact: true }).selectOption('ANNOTATOR');
  await page.getByRole('button', { name: 'Create invitation' }).click();
  const link = await page.getByLabel('Invitation link').inputValue();
  expect(link).toMatch(/\/invitations\/.+/);
  await expect(page.getByRole('cell', { name: 'new.annotator@demo.twinspect.test' })).toBeVisible();
  await snap(page, '15-members');

  // The invitee, in a browser of their own, sets a name and password and lands in the team.
  const invitee = await browser.newContext();
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(link);
  await expect(inviteePage.getByRole('heading', { name: 'Join Demo Lab' })).toBeVisible();
  await inviteePage.getByLabel('Your name').fill('Nina Newcomer');
  await inviteePage.getByLabel(/Choose a password/).fill('a-long-enough-password');
  await inviteePage.getByRole('button', { name: 'Join Demo Lab' }).click();
  await expect(inviteePage).toHaveURL(/\/annotate$/);
  await expect(inviteePage.getByText('Nina Newcomer')).toBeVisible();
  await invitee.close();

  await page.reload();
  await expect(page.getByRole('cell', { name: 'Nina Newcomer' })).toBeVisible();

  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.getByLabel('Action').selectOption('member.');
  await expect(page.getByRole('cell', { name: 'member.invite', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'member.join', exact: true })).toBeVisible();
  await snap(page, '16-audit-log');
});

test('an admin makes flagging more sensitive for the team, then returns to the model’s own', async ({
  page,
}) => {
  await signIn(page, USERS.admin);
  await page.getByRole('link', { name: 'Members' }).click();
  const card = page.locator('form', {
    has: page.getByRole('heading', { name: 'Flag sensitivity' }),
  });
  const share = card.getByLabel('Expected share of copies among candidate pairs');
  await expect(card.getByText(/Flag threshold of .+ now: 0\.970\./)).toBeVisible();
  await expect(share).toHaveValue('');
  await expect(share.getByRole('option', { name: 'The model’s own (2 %)' })).toBeAttached();
  // What each share flags on the model's validation pairs; the model's own 2 % is marked.
  const table = card.getByRole('table', { name: 'What each share flags' });
  await expect(table.getByRole('row')).toHaveCount(7);
  await expect(table.locator('tr[aria-current="true"] td').first()).toHaveText('2 %');

  // 1 copy in 10 candidate pairs: the verified flag threshold falls to about 0.86.
  await share.selectOption('0.1');
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(card.getByText(/Flag threshold of .+ now: 0\.85\d\./)).toBeVisible();
  await expect(share).toHaveValue('0.1');
  await expect(table.locator('tr[aria-current="true"] td').first()).toHaveText('10 %');
  await snap(page, '17-flag-sensitivity');
  // The Models page says what flags the team's pairs now.
  await page.getByRole('link', { name: 'Models' }).click();
  const active = page.getByTestId('active-model');
  await expect(
    active.getByText(
      /0\.85\d for verified pairs, at 10 % copies among candidates \(your team’s setting/,
    ),
  ).toBeVisible();

  await page.getByRole('link', { name: 'Members' }).click();
  await share.selectOption('');
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(card.getByText(/Flag threshold of .+ now: 0\.970\./)).toBeVisible();
  await page.getByRole('link', { name: 'Models' }).click();
  await expect(
    page
      .getByTestId('active-model')
      .getByText(/0\.970 for verified pairs, at 2 % copies among candidates \(the model’s own/),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(
    page.getByRole('cell', { name: 'organization.settings', exact: true }).first(),
  ).toBeVisible();
});
