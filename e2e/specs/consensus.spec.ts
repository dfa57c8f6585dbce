import type { Page } from '@playwright/test';
import { CONSENSUS_IMAGES } from '../fixtures/review-case.ts';
import { expect, test } from '../stack/capture-secrets.ts';
import { USERS } from '../stack/settings.ts';
import { signIn, signOut, snap, stack } from './helpers.ts';

/** Moves through the annotation queue with `j` until the fixture pair is on screen. */
async function goToConsensusPair(page: Page) {
  const caption = page.locator('.pane__caption');
  for (let step = 0; step < 50; step += 1) {
    await expect(caption.first()).toBeVisible();
    const text = (await caption.allTextContents()).join(' ');
    if (CONSENSUS_IMAGES.every((name) => text.includes(name))) return;
    await page.keyboard.press('j');
    await page.waitForTimeout(150);
  }
  throw new Error('the consensus pair never came up in the annotation queue');
}

test('[REVIEW] two annotators label the same pair differently with the keyboard only, and an editor adjudicates', async ({
  page,
}) => {
  const { consensusPairId } = stack().reviewCase;

  // First annotator: SAME, with the rotation tag, all from the keyboard.
  await signIn(page, USERS.annotator);
  await expect(page).toHaveURL(/\/annotate$/);
  await goToConsensusPair(page);
  await expect(page.getByRole('heading', { name: 'All labels' })).toHaveCount(0);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await snap(page, '09-annotate-help');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.keyboard.press('f');
  await expect(page.getByRole('button', { name: 'Flicker' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.keyboard.press('f');
  await page.keyboard.press('o');
  await expect(page.getByRole('button', { name: 'Overlay' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.keyboard.press('Shift+R');
  await expect(page.getByRole('checkbox', { name: /Rotation/ })).toBeChecked();
  await snap(page, '10-annotate');
  await page.keyboard.press('1');
  await expect(page.getByRole('status').filter({ hasText: 'Labelled SAME' })).toBeVisible();
  // Back to it: the label is kept, and now the annotator may see the labels so far.
  await page.keyboard.press('k');
  await expect(page.getByRole('button', { name: /Same/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('heading', { name: 'All labels' })).toBeVisible();
  await signOut(page);

  // Second annotator: does not see the first label before labelling, says DIFFERENT.
  await signIn(page, USERS.annotator2);
  await goToConsensusPair(page);
  await expect(page.getByRole('heading', { name: 'All labels' })).toHaveCount(0);
  await expect(page.getByText('Ann Annotator')).toHaveCount(0);
  await page.keyboard.press('2');
  await expect(page.getByRole('status').filter({ hasText: 'Labelled DIFFERENT' })).toBeVisible();
  await signOut(page);

  // The editor sees the disagreement and settles it.
  await signIn(page, USERS.editor);
  await page.getByRole('link', { name: 'Adjudicate' }).click();
  const item = page.locator('.adjudication-item').filter({ hasText: CONSENSUS_IMAGES[0] });
  await expect(item).toBeVisible();
  await expect(item.getByText(/annotations · annotators disagree/)).toBeVisible();
  await expect(item.getByText('Ann Annotator')).toBeVisible();
  await expect(item.getByText('Arno Annotator')).toBeVisible();
  await snap(page, '11-adjudicate');
  await item.getByRole('checkbox', { name: /Rotation/ }).check();
  await item.getByLabel('Comment').fill('Rotated copy: same acquisition.');
  await item.getByRole('button', { name: 'Confirm SAME' }).click();
  await expect(item).toHaveCount(0);

  await page.goto(`/pairs/${consensusPairId}`);
  await expect(page.locator('.score-panel').getByText('Confirmed same')).toBeVisible();
  await expect(page.locator('.score-panel').getByText('Adjudicated')).toBeVisible();

  await page.getByRole('link', { name: 'Agreement' }).click();
  await expect(page.getByRole('heading', { name: 'Per annotator' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Arno Annotator', exact: true })).toBeVisible();
  await snap(page, '12-agreement');
});
