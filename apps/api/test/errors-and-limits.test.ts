import { Writable } from 'node:stream';
import { parseConfig } from '@twinspect/config';
import { createPrismaClient } from '@twinspect/prisma';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApi } from '../src/app.ts';
import { createLogger } from '../src/logger.ts';
import { code, GraphQLTestClient, startApi, TEST_PASSWORD, type TestApi } from './helpers.ts';

let t: TestApi;
let client: GraphQLTestClient;
beforeAll(async () => {
  t = await startApi();
  client = await t.as(t.teams.demo.emails.EDITOR);
});
afterAll(() => t?.stop());

function nested(depth: number): string {
  let selection = 'id';
  for (let i = 0; i < depth; i++) selection = `set { images { edges { node { ${selection} } } } }`;
  return `{ pairs { edges { node { imageA { ${selection} } } } } }`;
}

describe('request limits', () => {
  it('rejects queries nested past the depth limit', async () => {
    const response = await client.request(nested(3));
    expect(code(response)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors[0]?.message).toMatch(/levels deep; the limit is 10/);
    expect(response.errors[0]?.extensions).not.toHaveProperty('stacktrace');
  });

  it('rejects queries past the complexity limit', async () => {
    const response = await client.request(
      '{ pairs(first: 100) { edges { node { imageA { set { images(first: 100) { edges { node { id originalName } } } } } } } } }',
    );
    expect(code(response)).toBe('BAD_USER_INPUT');
    expect(response.errors[0]?.message).toMatch(/too complex/);
  });

  it('refuses batched operations', async () => {
    const body = JSON.stringify([
      { query: '{ viewer { role } }' },
      { query: '{ viewer { role } }' },
    ]);
    const response = await client.request('', undefined, { body });
    expect(response.status).toBe(400);
  });

  it('answers malformed and mistyped requests with codes and no stack traces', async () => {
    const parse = await client.request('{ viewer { ');
    expect(code(parse)).toBe('GRAPHQL_PARSE_FAILED');
    const mistyped = await client.request(
      'query($first: Int) { pairs(first: $first) { totalCount } }',
      { first: 'many' },
    );
    expect(code(mistyped)).toBe('BAD_USER_INPUT');
    const huge = await client.request(
      'mutation($name: String!) { createImageSet(input: { name: $name }) { imageSet { id } } }',
      { name: 'x'.repeat(100_000) },
    );
    expect(code(huge)).toBe('BAD_USER_INPUT');
    const malformedId = await client.request(
      '{ pair(id: "1 OR 1=1") { id } imageSet(id: "nope") { id } }',
    );
    expect(malformedId.data).toEqual({ pair: null, imageSet: null });
    for (const response of [parse, mistyped, huge]) {
      expect(JSON.stringify(response.errors)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
    }
  });

  it('reports health', async () => {
    const response = await fetch(`${t.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe('logs', () => {
  it('never contain passwords, session cookies or API tokens', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(chunk.toString());
        callback();
      },
    });
    const config = parseConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'trace',
      DATABASE_URL: inject('databaseUrl'),
    });
    const prisma = createPrismaClient(config.DATABASE_URL, { poolSize: 2 });
    const api = await buildApi({ config, prisma, logger: createLogger(config, sink) });
    const url = await api.listen(0, '127.0.0.1');
    try {
      const user = new GraphQLTestClient(url);
      await user.request('mutation($input: LoginInput!) { login(input: $input) { expiresAt } }', {
        input: { email: t.teams.demo.emails.ADMIN, password: 'a-wrong-password-123' },
      });
      await user.login(t.teams.demo.emails.ADMIN, TEST_PASSWORD);
      const created = await user.request<{ createApiToken: { token: string } }>(
        'mutation { createApiToken(input: { name: "log" }) { token } }',
      );
      const token = created.data?.createApiToken.token ?? 'missing';
      const script = new GraphQLTestClient(url);
      script.headers.authorization = `Bearer ${token}`;
      await script.request('{ viewer { role } }');
      const log = lines.join('');
      expect(log).toContain('"path":"/graphql"');
      for (const secret of [
        TEST_PASSWORD,
        'a-wrong-password-123',
        token,
        user.cookie?.split('=')[1] ?? 'missing',
      ]) {
        expect(log).not.toContain(secret);
      }
    } finally {
      await api.stop();
      await prisma.$disconnect();
    }
  });
});
