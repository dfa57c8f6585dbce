import path from 'node:path';
import type { Page } from '@playwright/test';
import { writePlantedSet } from '../fixtures/planted-set.ts';
import { expect, test } from '../stack/capture-secrets.ts';
import { outputDir, USERS } from '../stack/settings.ts';
import { signIn, snap, stack } from './helpers.ts';

test('[REVIEW] editor uploads a set with planted duplicates, watches progress, opens the top pair and records a decision', async ({
  page,
}) => {
  test.skip(
    !stack().modelAvailable,
    'no model in models/: scoring cannot run (the model module ships one)',
  );
  test.setTimeout(300_000);
  const planted = await writePlantedSet(path.join(outputDir, 'upload-fixture'));

  await signIn(page, USERS.editor);
  await expect(page).toHaveURL(/\/sets$/);
  await snap(page, '01-image-sets');

  await page.getByRole('button', { name: 'New image set' }).click();
  await page.getByLabel('Name').fill('Manuscript E2E-042');
  await page.getByLabel('Description (optional)').fill('Figures 1-8 as submitted');
  await page.getByRole('button', { name: 'Create set' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Manuscript E2E-042' })).toBeVisible();
  await expect(page.getByText('No images yet')).toBeVisible();

  await page.getByLabel('Choose images or a ZIP to upload').setInputFiles(planted.files);
  await expect(
    page
      .getByText(`${planted.files.length - 1} files received`)
      .or(page.getByText(/files? received/)),
  ).toBeVisible();
  // Live progress, no reload: ingest, then embedding and scoring fill up until the set is ready.
  await expect(page.getByRole('progressbar', { name: 'Ingest' })).toBeVisible();
  await snap(page, '02-set-processing');
  await expect(page.getByText('Ready', { exact: true })).toBeVisible({ timeout: 240_000 });
  // Then keypoint verification of each image's best pairs flags the copies.
  await expect(page.getByText(/^(\d+) \/ \1 pairs checked$/)).toBeVisible({
    timeout: 120_000,
  });
  await expect(page.getByText(planted.brokenFile)).toBeVisible();
  await expect(page.getByRole('heading', { name: /Failed files/ })).toBeVisible();

  // The planted copies come out as flagged pairs, grouped into clusters.
  const clusters = page.locator('.cluster');
  await expect(clusters.first()).toBeVisible();
  for (const [original, copy] of planted.planted) {
    await expect(
      page
        .getByRole('link', {
          name: new RegExp(
            `${escapeRegExp(original)}.*${escapeRegExp(copy)}|${escapeRegExp(copy)}.*${escapeRegExp(original)}`,
          ),
        })
        .first(), // a retried test uploads the set again
    ).toBeVisible();
  }
  await snap(page, '03-set-overview');

  // The triage queue, filtered to this set, highest score first: open the top pair.
  await page.getByRole('link', { name: 'Open in triage queue' }).click();
  await expect(page.getByRole('heading', { name: 'Triage queue' })).toBeVisible();
  const firstRow = page.locator('.queue-table tbody tr').first();
  await expect(firstRow).toBeVisible();
  await snap(page, '04-triage-queue');
  await firstRow.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/pairs\//);
  await expect(page.getByText('Model version')).toBeVisible();
  await expect(page.getByText('Threshold')).toBeVisible();
  await snap(page, '05-pair-side-by-side');

  // Viewer modes from the keyboard: overlay with its opacity slider, then flicker.
  await page.keyboard.press('o');
  await expect(page.getByRole('button', { name: 'Overlay' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByRole('slider')).toBeVisible();
  await snap(page, '06-pair-overlay');
  await page.keyboard.press('f');
  await expect(page.getByRole('button', { name: 'Flicker' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.keyboard.press('s');

  // The verdict from the keyboard too: 1 picks it, c opens the comment, Ctrl+Enter records.
  await page.keyboard.press('1');
  await expect(page.getByRole('radio', { name: /Confirmed duplicate/ })).toBeChecked();
  await page.keyboard.press('c');
  await page.keyboard.type('Same panel reused, rotated by 90 degrees.');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Decision recorded.' })).toBeVisible();
  const history = page.getByRole('list', { name: 'Decision history' });
  await expect(history.getByText('Confirmed duplicate')).toBeVisible();
  await expect(history.getByText('Same panel reused, rotated by 90 degrees.')).toBeVisible();
  await snap(page, '08-pair-decided');

  // The rotated copy, lined up by hand: in the difference view, the right quarter turn of B
  // makes |A - B| much darker than no turn at all.
  await page.getByRole('link', { name: 'Manuscript E2E-042' }).click();
  const [original, rotatedCopy] = planted.planted[0] as [string, string];
  await page
    .getByRole('link', {
      name: new RegExp(
        `${escapeRegExp(original)}.*${escapeRegExp(rotatedCopy)}|${escapeRegExp(rotatedCopy)}.*${escapeRegExp(original)}`,
      ),
    })
    .click();
  await expect(page).toHaveURL(/\/pairs\//);
  await expect(
    page.getByRole('heading', { level: 1, name: new RegExp(escapeRegExp(rotatedCopy)) }),
  ).toBeVisible();
  await page.keyboard.press('x');
  await expect(page.getByRole('button', { name: 'Difference' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const brightness: number[] = [];
  for (let turn = 0; turn < 4; turn += 1) {
    if (turn > 0) await page.keyboard.press('r');
    brightness.push(await meanDifference(page));
  }
  const best = brightness.indexOf(Math.min(...brightness));
  expect(brightness[best]).toBeLessThan((brightness[0] as number) * 0.6);
  for (let turn = 0; turn <= best; turn += 1) await page.keyboard.press('r'); // 270° + 1 turn = 0°
  await expect.poll(() => meanDifference(page)).toBeCloseTo(brightness[best] as number, 0);
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await expect(page.getByText('Full resolution')).toBeVisible();
  await page.keyboard.press('0');
  await snap(page, '07-pair-difference-aligned');
});

/** Mean brightness of the difference map (0 = identical after alignment). */
async function meanDifference(page: Page): Promise<number> {
  await page.waitForTimeout(400); // the map is recomputed off the images after each turn
  return page.locator('canvas.pane__canvas').evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
    if (!data) return Number.NaN;
    let sum = 0;
    for (let i = 0; i < data.length; i += 4) sum += data[i] ?? 0;
    return sum / (data.length / 4);
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
