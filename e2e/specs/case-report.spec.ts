import { readFileSync } from 'node:fs';
import { REPORT_IMAGES } from '../fixtures/review-case.ts';
import { expect, test } from '../stack/capture-secrets.ts';
import { USERS } from '../stack/settings.ts';
import { signIn, snap, stack } from './helpers.ts';

const COMMENT = 'Mirrored duplicate of panel 2a; raised with the authors.';

test('[REVIEW] the case report downloads and lists the decision', async ({ page }) => {
  const { setId, reportPairId, setName } = stack().reviewCase;
  await signIn(page, USERS.editor);

  await page.goto(`/pairs/${reportPairId}`);
  await page.getByRole('radio', { name: /Confirmed duplicate/ }).check();
  await page.getByLabel('Comment').fill(COMMENT);
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(
    page.getByRole('list', { name: 'Decision history' }).getByText(COMMENT),
  ).toBeVisible();

  await page.goto(`/sets/${setId}`);
  await expect(page.getByRole('heading', { level: 1, name: setName })).toBeVisible();
  await snap(page, '14-reviewed-set');

  const download = async (format: 'PDF' | 'JSON' | 'CSV') => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: format, exact: true }).click(),
    ]);
    const filePath = await file.path();
    return { name: file.suggestedFilename(), bytes: readFileSync(filePath) };
  };

  const json = await download('JSON');
  expect(json.name).toMatch(/^twinspect-case-report-.*\.json$/);
  const report = JSON.parse(json.bytes.toString('utf8'));
  expect(report.set).toMatchObject({ id: setId, name: setName });
  expect(report.model).toMatchObject({ name: 'e2e-fixture-model', threshold: 0.55 });
  const pair = report.pairs.find((p: { pairId: string }) => p.pairId === reportPairId);
  expect(pair).toMatchObject({ verdict: 'CONFIRMED_DUPLICATE', score: 0.9412, threshold: 0.55 });
  expect([pair.imageA.name, pair.imageB.name].sort()).toEqual([...REPORT_IMAGES].sort());
  expect(pair.decisions[0]).toMatchObject({
    verdict: 'CONFIRMED_DUPLICATE',
    comment: COMMENT,
    editor: 'Edith Editor',
    editorEmail: USERS.editor,
  });
  expect(Date.parse(pair.decisions[0].decidedAt)).toBeGreaterThan(Date.now() - 10 * 60_000);

  const csv = await download('CSV');
  const text = csv.bytes.toString('utf8');
  expect(text.split('\r\n')[0]).toContain('pair_id,image_a,image_b,score,model_version,threshold');
  expect(text).toContain(reportPairId);
  expect(text).toContain(COMMENT);
  expect(text).toContain('Edith Editor');

  const pdf = await download('PDF');
  expect(pdf.name).toMatch(/\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.bytes.length).toBeGreaterThan(2000);
});
