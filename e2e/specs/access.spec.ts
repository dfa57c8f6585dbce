import { expect, test } from '../stack/capture-secrets.ts';
import { USERS } from '../stack/settings.ts';
import { graphql, signIn, snap, stack } from './helpers.ts';

test('[REVIEW] an annotator cannot reach editor or admin pages, nor the GraphQL operations behind them', async ({
  page,
}) => {
  const { setId, reportPairId } = stack().reviewCase;
  // Signed out, every page leads to sign-in.
  await page.goto('/queue');
  await expect(page).toHaveURL(/\/login\?next=%2Fqueue/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await snap(page, '00-sign-in');
  await signIn(page, USERS.annotator);

  // The navigation offers only what the role may do.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Annotate' })).toBeVisible();
  for (const name of ['Image sets', 'Triage queue', 'Adjudicate', 'Audit log', 'Members']) {
    await expect(nav.getByRole('link', { name })).toHaveCount(0);
  }

  // Typing the addresses shows a refusal, not the page.
  for (const path of [
    '/sets',
    `/sets/${setId}`,
    '/queue',
    `/pairs/${reportPairId}`,
    '/adjudicate',
    '/audit',
    '/members',
  ]) {
    await page.goto(path);
    await expect(
      page.getByRole('heading', { name: 'This page is not available to your role' }),
    ).toBeVisible();
  }
  await snap(page, '13-annotator-refused');

  // And the API refuses the operations themselves, whatever the UI shows.
  const refused = async (query: string, variables: Record<string, unknown> = {}) => {
    const answer = await graphql(page.request, query, variables);
    expect(answer.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
  };
  await refused('mutation { createImageSet(input: { name: "sneaky" }) { imageSet { id } } }');
  await refused(
    'mutation($id: ID!) { recordDecision(input: { pairIds: [$id], verdict: NOT_DUPLICATE }) { decisions { id } } }',
    {
      id: reportPairId,
    },
  );
  await refused(
    'mutation($id: ID!) { adjudicatePair(input: { pairId: $id, label: DIFFERENT }) { pair { id } } }',
    {
      id: reportPairId,
    },
  );
  await refused('{ auditLog(first: 5) { edges { node { id } } } }');
  await refused(
    'mutation { inviteMember(input: { email: "x@example.test", role: ADMIN }) { token } }',
  );
  const upload = await page.request.post(`/api/image-sets/${setId}/uploads`, {
    headers: { 'x-twinspect-csrf': '1' },
    multipart: {
      files: { name: 'a.png', mimeType: 'image/png', buffer: Buffer.from('not really') },
    },
  });
  expect(upload.status()).toBe(403);

  // What an annotator may do still works.
  const own = await graphql(page.request, '{ viewer { role } }');
  expect(own.data).toEqual({ viewer: { role: 'ANNOTATOR' } });
});
