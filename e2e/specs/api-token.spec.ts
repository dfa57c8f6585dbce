import type { Page } from '@playwright/test';
import { expect, test } from '../stack/capture-secrets.ts';
import { USERS } from '../stack/settings.ts';
import { signIn } from './helpers.ts';

/** A GraphQL call made by the page itself (so the run's secret capture sees it). */
function inPage(page: Page, query: string, headers: Record<string, string> = {}) {
  return page.evaluate(
    async ({ query, headers }) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-twinspect-csrf': '1', ...headers },
        credentials: headers.authorization ? 'omit' : 'same-origin',
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as {
        data?: Record<string, Record<string, unknown>> | null;
        errors?: { extensions?: { code?: string } }[];
      };
    },
    { query, headers },
  );
}

test('[SECURITY] an editor creates an API token, the API answers it without a cookie, and it stops working once revoked', async ({
  page,
}) => {
  await signIn(page, USERS.editor);
  const created = await inPage(
    page,
    'mutation { createApiToken(input: { name: "e2e", expiresInDays: 1 }) { token apiToken { id role } } }',
  );
  const token = created.data?.createApiToken?.token as string;
  const id = (created.data?.createApiToken?.apiToken as { id: string } | undefined)?.id ?? '';
  expect(token).toMatch(/^tsp_/);

  const bearer = { authorization: `Bearer ${token}` };
  const viewer = await inPage(page, '{ viewer { authMethod role } }', bearer);
  expect(viewer.data?.viewer).toEqual({ authMethod: 'API_TOKEN', role: 'EDITOR' });

  const revoked = await inPage(
    page,
    `mutation { revokeApiToken(input: { id: "${id}" }) { apiToken { revokedAt } } }`,
  );
  expect(revoked.errors ?? []).toEqual([]);
  const refused = await inPage(page, '{ imageSets { totalCount } }', bearer);
  expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
});
