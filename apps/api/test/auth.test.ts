import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { code, GraphQLTestClient, startApi, TEST_PASSWORD, type TestApi } from './helpers.ts';

const VIEWER =
  '{ viewer { user { email } role authMethod activeOrganization { name } memberships { role organization { name } } } }';

let t: TestApi;
beforeAll(async () => {
  t = await startApi();
});
afterAll(() => t?.stop());

describe('login', () => {
  it.each(['ADMIN', 'EDITOR', 'ANNOTATOR'] as const)(
    'signs in the demo %s with a session cookie',
    async (role) => {
      const client = t.client();
      const login = await client.request(
        'mutation($input: LoginInput!) { login(input: $input) { expiresAt viewer { role user { email } } } }',
        { input: { email: t.teams.demo.emails[role].toUpperCase(), password: TEST_PASSWORD } },
      );
      expect(login.errors).toEqual([]);
      expect(login.data).toMatchObject({
        login: { viewer: { role, user: { email: t.teams.demo.emails[role] } } },
      });
      const setCookie = login.headers.getSetCookie().join('\n');
      expect(setCookie).toMatch(/twinspect_session=tss_/);
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Lax/i);
      const viewer = await client.request(VIEWER);
      expect(viewer.data).toMatchObject({
        viewer: { role, authMethod: 'SESSION', activeOrganization: { name: 'Demo Lab' } },
      });
    },
  );

  it('refuses a wrong password or unknown email with one message', async () => {
    const wrong = await t
      .client()
      .request(
        'mutation { login(input: { email: "admin@demo.twinspect.test", password: "nope-nope" }) { expiresAt } }',
      );
    const unknown = await t
      .client()
      .request(
        'mutation { login(input: { email: "ghost@nowhere.test", password: "nope-nope" }) { expiresAt } }',
      );
    expect(code(wrong)).toBe('UNAUTHENTICATED');
    expect(code(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors[0]?.message).toBe(unknown.errors[0]?.message);
  });

  it('returns null viewer and UNAUTHENTICATED for data when signed out', async () => {
    const client = t.client();
    expect((await client.request(VIEWER)).data).toEqual({ viewer: null });
    expect(code(await client.request('{ imageSets { totalCount } }'))).toBe('UNAUTHENTICATED');
  });

  it('rate-limits repeated failed logins', async () => {
    const limited = await startApi({ LOGIN_RATE_LIMIT_MAX: '3' });
    try {
      const attempt = () =>
        limited
          .client()
          .request(
            'mutation { login(input: { email: "editor@demo.twinspect.test", password: "wrong-pass" }) { expiresAt } }',
          );
      for (let i = 0; i < 3; i++) expect(code(await attempt())).toBe('UNAUTHENTICATED');
      const blocked = await attempt();
      expect(code(blocked)).toBe('RATE_LIMITED');
      // Even the right password is refused while the limit holds.
      const right = await limited
        .client()
        .request('mutation($input: LoginInput!) { login(input: $input) { expiresAt } }', {
          input: { email: 'editor@demo.twinspect.test', password: TEST_PASSWORD },
        });
      expect(code(right)).toBe('RATE_LIMITED');
    } finally {
      await limited.stop();
    }
  });
});

describe('sessions', () => {
  it('rotates the session at login: the cookie from before no longer works', async () => {
    const client = await t.as(t.teams.demo.emails.EDITOR);
    const before = client.cookie;
    await client.login(t.teams.demo.emails.EDITOR, TEST_PASSWORD);
    expect(client.cookie).not.toBe(before);
    const stale = new GraphQLTestClient(t.url);
    stale.cookie = before;
    expect((await stale.request(VIEWER)).data).toEqual({ viewer: null });
  });

  it('invalidates the session at logout', async () => {
    const client = await t.as(t.teams.demo.emails.ANNOTATOR);
    const cookie = client.cookie;
    expect((await client.request('mutation { logout { ok } }')).data).toEqual({
      logout: { ok: true },
    });
    const replay = new GraphQLTestClient(t.url);
    replay.cookie = cookie;
    expect((await replay.request(VIEWER)).data).toEqual({ viewer: null });
  });

  it('invalidates every session at password change and keeps the caller signed in', async () => {
    const team = await t.freshTeam();
    const email = team.email('EDITOR');
    const laptop = await t.as(email);
    const phone = await t.as(email);
    const change = await laptop.request(
      'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { viewer { user { email } } } }',
      { input: { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-secret' } },
    );
    expect(change.errors).toEqual([]);
    expect((await laptop.request(VIEWER)).data).toMatchObject({ viewer: { user: { email } } });
    expect((await phone.request(VIEWER)).data).toEqual({ viewer: null });
    await expect(t.as(email)).rejects.toThrow(/failed/);
    await t.as(email, 'a-brand-new-secret');
  });

  it('rejects a wrong current password', async () => {
    const client = await t.as(t.teams.demo.emails.ADMIN);
    const change = await client.request(
      'mutation { changePassword(input: { currentPassword: "not-it-at-all", newPassword: "whatever-else" }) { viewer { role } } }',
    );
    expect(code(change)).toBe('UNAUTHENTICATED');
  });
});

describe('CSRF protection', () => {
  it('refuses cookie-authenticated requests from another origin', async () => {
    const client = await t.as(t.teams.demo.emails.ADMIN);
    const response = await client.request(
      'mutation { createImageSet(input: { name: "csrf" }) { imageSet { id } } }',
      {},
      {
        headers: { origin: 'https://evil.example' },
      },
    );
    expect(response.status).toBe(403);
    expect(code(response)).toBe('FORBIDDEN');
    const trusted = await client.request(
      '{ viewer { role } }',
      {},
      { headers: { origin: 'http://web.test' } },
    );
    expect(trusted.data).toEqual({ viewer: { role: 'ADMIN' } });
  });

  it('refuses simple (form-like) requests without a custom header', async () => {
    const client = await t.as(t.teams.demo.emails.ADMIN);
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: client.cookie ?? '' },
      body: JSON.stringify({ query: 'mutation { logout { ok } }' }),
    });
    expect(response.status).toBe(400);
    expect((await client.request('{ viewer { role } }')).data).toEqual({
      viewer: { role: 'ADMIN' },
    });
  });
});

describe('API tokens', () => {
  const CREATE =
    'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id prefix role } } }';

  it('authenticates a script with Bearer, scoped to one org and capped at its role', async () => {
    const admin = await t.as(t.teams.demo.emails.ADMIN);
    const created = await admin.request<{
      createApiToken: { token: string; apiToken: { id: string; prefix: string } };
    }>(CREATE, { input: { name: 'ci', role: 'ANNOTATOR' } });
    expect(created.errors).toEqual([]);
    const { token, apiToken } = created.data?.createApiToken ?? {
      token: '',
      apiToken: { id: '', prefix: '' },
    };
    expect(token.startsWith(apiToken.prefix)).toBe(true);
    const stored = await t.prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(stored.tokenHash).not.toContain(token);

    const script = t.client();
    script.headers.authorization = `Bearer ${token}`;
    expect((await script.request(VIEWER)).data).toMatchObject({
      viewer: { role: 'ANNOTATOR', authMethod: 'API_TOKEN' },
    });
    expect(
      code(
        await script.request(
          'mutation { createImageSet(input: { name: "x" }) { imageSet { id } } }',
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      code(
        await script.request(
          '{ imageSets { totalCount } }',
          {},
          { headers: { 'x-twinspect-org': t.teams.other.orgId } },
        ),
      ),
    ).toBe('FORBIDDEN');

    const revoke = await admin.request(
      'mutation($id: ID!) { revokeApiToken(input: { id: $id }) { apiToken { revokedAt } } }',
      { id: apiToken.id },
    );
    expect(revoke.errors).toEqual([]);
    expect((await script.request(VIEWER)).data).toEqual({ viewer: null });
  });

  it('cannot mint a token with more rights than its creator', async () => {
    const annotator = await t.as(t.teams.demo.emails.ANNOTATOR);
    expect(code(await annotator.request(CREATE, { input: { name: 'up', role: 'ADMIN' } }))).toBe(
      'FORBIDDEN',
    );
  });
});
