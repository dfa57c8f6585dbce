import { createPrismaClient } from '@twinspect/prisma';
import { LocalStorage } from '@twinspect/storage';
import { sampleImageFiles, seedTrainingData } from '@twinspect/workers';
import { expect, test } from '../stack/capture-secrets.ts';
import { repoRoot, USERS } from '../stack/settings.ts';
import { signIn, snap, stack } from './helpers.ts';

// An admin retrains the demo team's model from its confirmed labels with one click and watches
// the run live: the progress bar fills and the loss and metric charts grow epoch by epoch, until
// the new version is registered and the gate's decision is shown. The stack's workers run the
// `train` queue with the tiny model preset (stack/global-setup.ts).

test.beforeAll(async () => {
  const { databaseUrl, storageRoot } = stack();
  const prisma = createPrismaClient(databaseUrl, { poolSize: 2 });
  try {
    const org = await prisma.organization.findUniqueOrThrow({ where: { slug: 'demo-lab' } });
    const annotators = await prisma.user.findMany({
      where: { email: { in: [USERS.annotator, USERS.annotator2] } },
    });
    // The version that "scored" the reviewed pairs (pairs need one); never loaded.
    // Upserted, so a retried test finds it rather than tripping the (orgId, name) key.
    const scorer = await prisma.modelVersion.upsert({
      where: { orgId_name: { orgId: org.id, name: 'e2e-reviewed-scorer' } },
      update: {},
      create: {
        orgId: org.id,
        name: 'e2e-reviewed-scorer',
        artifactDir: 'nowhere',
        manifest: {},
        threshold: 0.5,
        status: 'RETIRED',
      },
    });
    await seedTrainingData(prisma, new LocalStorage(storageRoot), {
      orgId: org.id,
      files: await sampleImageFiles(repoRoot, 8),
      modelVersionId: scorer.id,
      annotatorIds: annotators.map((a) => a.id),
      same: 8,
      different: 12,
      name: 'Reviewed case for retraining',
    });
  } finally {
    await prisma.$disconnect();
  }
});

test('[RETRAIN] an admin presses "Retrain now" and watches the progress bar and the charts move', async ({
  page,
}) => {
  // The tiny training run shares 2 cores with the whole stack: generous limits, not a race.
  test.setTimeout(600_000);
  await signIn(page, USERS.admin);
  await page.getByRole('link', { name: 'Models' }).click();
  await expect(page.getByRole('heading', { name: 'Models', level: 1 })).toBeVisible();
  await expect(page.getByTestId('labels-since-last-run')).toHaveText(/^\d+$/);
  expect(
    Number(await page.getByTestId('labels-since-last-run').textContent()),
  ).toBeGreaterThanOrEqual(20);
  await snap(page, '30-models-before-retraining');

  await page.getByLabel('Epochs').first().fill('8');
  await page.getByRole('button', { name: 'Retrain now' }).click();

  const live = page.getByTestId('live-run');
  const bar = live.getByRole('progressbar');
  const lossChart = live.getByTestId('loss-chart');
  const percent = async () => Number(await bar.getAttribute('aria-valuenow'));
  const points = async () => Number(await lossChart.getAttribute('data-points'));

  await expect(live.getByRole('heading', { name: /Training now/ })).toBeVisible();
  // Training has begun: the bar and the chart have something in them...
  await expect.poll(percent, { timeout: 120_000 }).toBeGreaterThan(0);
  const firstPercent = await percent();
  const firstPoints = await points();
  expect(firstPoints).toBeGreaterThan(0);
  await snap(page, '31-models-training');
  // ... and they keep moving as epochs arrive, with no reload.
  await expect.poll(percent, { timeout: 120_000 }).toBeGreaterThan(firstPercent);
  await expect.poll(points, { timeout: 120_000 }).toBeGreaterThan(firstPoints);
  await expect(live.getByTestId('metric-chart')).toBeVisible();

  await expect(live.getByTestId('live-run-status')).toHaveText('succeeded', { timeout: 420_000 });
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
  await expect(live.getByText(/promoted|kept as a candidate/)).toBeVisible();
  const versions = page.getByTestId('version-table');
  await expect(versions.getByRole('cell', { name: /^bta-demo-lab-/ })).toBeVisible();
  await expect(page.getByTestId('version-comparison')).toBeVisible();
  await expect(page.getByTestId('run-history').getByText('succeeded')).toBeVisible();
  await snap(page, '32-models-after-retraining');
});
