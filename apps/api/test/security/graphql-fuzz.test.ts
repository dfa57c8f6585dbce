import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLTestClient, startApi, type TestApi } from '../helpers.ts';

// [FUZZ] Every Query and Mutation field of the committed schema, called with wrong types, huge
// strings, NUL bytes, out-of-range numbers, unknown enum values and malformed ids, both inline
// and through variables; then deep, cyclic, aliased, duplicated and batched documents, and
// malformed HTTP bodies. Every answer must be a coded error (or data), never a 500, never an
// INTERNAL_SERVER_ERROR, never a stack trace.

const schema: GraphQLSchema = buildSchema(
  readFileSync(path.join(import.meta.dirname, '../../schema.graphql'), 'utf8'),
);
const CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);
/** Ending the fuzzer's own session would only make the rest UNAUTHENTICATED. */
const SKIP = new Set(['logout']);
const HUGE = 'x'.repeat(200_000);

let t: TestApi;
let admin: GraphQLTestClient;
let team: Awaited<ReturnType<TestApi['freshTeam']>>;
let tried = 0;
beforeAll(async () => {
  t = await startApi({ LOGIN_RATE_LIMIT_MAX: '1000' });
  team = await t.freshTeam();
  admin = await t.as(team.email('ADMIN'));
});
afterAll(() => t?.stop());

interface Raw {
  status: number;
  text: string;
}

async function post(body: string, headers: Record<string, string> = {}): Promise<Raw> {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-twinspect-csrf': '1',
      cookie: admin.cookie ?? '',
      ...headers,
    },
    body,
  });
  return { status: response.status, text: await response.text() };
}

/** The answer is coded, not a crash: no 5xx, JSON with codes we know, no stack or internals. */
function expectCoded(raw: Raw, what: string) {
  tried++;
  expect(raw.status, `${what}: ${raw.text.slice(0, 300)}`).toBeLessThan(500);
  expect(raw.text, what).not.toMatch(
    /stacktrace|\bat .+\.(ts|js):\d+|node_modules|Prisma|Invalid `prisma/,
  );
  let body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = JSON.parse(raw.text);
  } catch {
    throw new Error(`${what}: not JSON (${raw.status}): ${raw.text.slice(0, 300)}`);
  }
  for (const error of body.errors ?? []) {
    const code = error.extensions?.code ?? '(none)';
    expect(CODES.has(code), `${what}: ${code}: ${error.message.slice(0, 200)}`).toBe(true);
  }
  if (raw.status >= 400)
    expect(body.errors?.length ?? 0, `${what}: an error status needs an error`).toBeGreaterThan(0);
}

function selection(field: GraphQLField<unknown, unknown>): string {
  return isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
}

/** A type-correct literal for an input type (ids are random UUIDs: they find nothing). */
function validLiteral(type: GraphQLInputType): string {
  if (isNonNullType(type)) return validLiteral(type.ofType);
  if (isListType(type)) return `[${validLiteral(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0]?.name ?? 'X';
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type));
    return `{ ${fields.map((f) => `${f.name}: ${validLiteral(f.type)}`).join(', ')} }`;
  }
  switch (type.name) {
    case 'ID':
      return '"6f1c1a52-3b55-4a63-9a3e-2f1d0c9b8a7e"';
    case 'Int':
    case 'Float':
      return '1';
    case 'Boolean':
      return 'true';
    case 'DateTime':
      return '"2026-01-01T00:00:00Z"';
    default:
      return '"fuzz"';
  }
}

/** Hostile values that are still of the right GraphQL type, by scalar. */
function hostileValues(type: GraphQLInputType): unknown[] {
  const named = getNamedType(type);
  if (isEnumType(named)) return ['NOT_A_VALUE', 42, ''];
  if (isInputObjectType(named)) return [{ nope: 1 }, 'string', [1, 2, 3]];
  if (!isScalarType(named)) return [];
  switch (named.name) {
    case 'ID':
      return ['', '0', '-1', "1' OR '1'='1", '../../etc/passwd', '\u0000', HUGE, 12345, { id: 1 }];
    case 'Int':
      return [-1, 0, 2 ** 31, -(2 ** 31) - 1, 1.5, '10', 1e308, true];
    case 'Float':
      return [-1e308, 1e308, 'NaN', '1', [], true];
    case 'Boolean':
      return ['true', 1, null];
    case 'DateTime':
      return ['yesterday', '2026-13-45T99:99:99Z', '', 1e15, HUGE];
    default:
      return [
        '',
        HUGE,
        '\u0000',
        'a\u0000b',
        '\ud800',
        '<script>alert(1)</script>',
        'ʻ'.repeat(1000),
        7,
        { $ne: null },
        ['a'],
      ];
  }
}

/** Variable values for one argument: the whole arg hostile, and each nested field hostile. */
function variableCases(arg: GraphQLArgument): { label: string; value: unknown }[] {
  const cases: { label: string; value: unknown }[] = [
    { label: 'null', value: null },
    ...hostileValues(arg.type).map((value, i) => ({ label: `value ${i}`, value })),
  ];
  const named = getNamedType(arg.type);
  if (isInputObjectType(named)) {
    const base = JSON.parse(JSON.stringify(jsonValueFor(named)));
    for (const field of Object.values(named.getFields())) {
      for (const [i, value] of hostileValues(field.type).entries()) {
        cases.push({ label: `${field.name} ${i}`, value: { ...base, [field.name]: value } });
      }
      cases.push({ label: `${field.name} null`, value: { ...base, [field.name]: null } });
    }
    cases.push({ label: 'extra field', value: { ...base, injected: 'x' } });
  }
  const wrapped = isListType(isNonNullType(arg.type) ? arg.type.ofType : arg.type);
  if (wrapped) cases.push({ label: '100k list', value: Array.from({ length: 50_000 }, () => 'x') });
  return cases;
}

/** A JSON value that satisfies an input object's required fields. */
function jsonValueFor(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return jsonValueFor(type.ofType);
  if (isListType(type)) return [jsonValueFor(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]?.name;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, jsonValueFor(f.type)]),
    );
  }
  return JSON.parse(validLiteral(type));
}

const rootFields = () =>
  (['Query', 'Mutation'] as const).flatMap((root) => {
    const type = root === 'Query' ? schema.getQueryType() : schema.getMutationType();
    return Object.values(type?.getFields() ?? {})
      .filter((f) => !SKIP.has(f.name) && !f.name.startsWith('_'))
      .map((field) => ({ root, field }));
  });

describe('[FUZZ] every operation with hostile arguments', () => {
  it('covers every Query and Mutation field of the schema', () => {
    expect(rootFields().length).toBeGreaterThan(40);
  });

  for (const { root, field } of rootFields()) {
    const keyword = root === 'Query' ? 'query' : 'mutation';
    it(`${root}.${field.name}`, async () => {
      const args = field.args;
      // Through variables: type-checked by GraphQL, so every wrong value is coerced or refused.
      for (const arg of args) {
        const declared = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
        const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
        const query = `${keyword} Fuzz(${declared}) { ${field.name}(${passed})${selection(field)} }`;
        const base = Object.fromEntries(args.map((a) => [a.name, jsonValueFor(a.type)]));
        for (const { label, value } of variableCases(arg)) {
          const body = JSON.stringify({ query, variables: { ...base, [arg.name]: value } });
          expectCoded(await post(body), `${field.name}(${arg.name}: ${label})`);
        }
      }
      // Inline literals of the wrong kind, missing arguments and unknown ones.
      const literals = [
        '{}',
        '[1, [2, [3]]]',
        'true',
        '99999999999999999999999',
        '-0.0e999',
        'NOT_AN_ENUM',
        `"${HUGE}"`,
        'null',
        '$undeclared',
      ];
      for (const arg of args) {
        for (const literal of literals) {
          const rest = args
            .filter((a) => a !== arg)
            .map((a) => `${a.name}: ${validLiteral(a.type)}`);
          const query = `${keyword} { ${field.name}(${[`${arg.name}: ${literal}`, ...rest].join(', ')})${selection(field)} }`;
          expectCoded(
            await post(JSON.stringify({ query })),
            `${field.name}(${arg.name}: ${literal.slice(0, 20)})`,
          );
        }
      }
      const none = `${keyword} { ${field.name}${selection(field)} }`;
      expectCoded(await post(JSON.stringify({ query: none })), `${field.name} without arguments`);
      const unknown = `${keyword} { ${field.name}(${[...args.map((a) => `${a.name}: ${validLiteral(a.type)}`), 'bogus: 1'].join(', ')})${selection(field)} }`;
      expectCoded(await post(JSON.stringify({ query: unknown })), `${field.name}(bogus)`);
    });
  }
});

describe('[FUZZ] abusive documents and bodies', () => {
  const cases: [string, () => string | Promise<string>][] = [
    [
      '200 levels deep',
      () => {
        let s = 'id';
        for (let i = 0; i < 50; i++) s = `set { images { edges { node { ${s} } } } }`;
        return JSON.stringify({ query: `{ pairs { edges { node { imageA { ${s} } } } } }` });
      },
    ],
    [
      'deep introspection',
      () => {
        let s = 'name';
        for (let i = 0; i < 12; i++) s = `fields { type { ${s} } } ofType { name }`;
        return JSON.stringify({ query: `{ __schema { types { ${s} } } }` });
      },
    ],
    [
      'fragment cycle',
      () =>
        JSON.stringify({
          query:
            'query { pairs { edges { node { ...A } } } } fragment A on Pair { id ...B } fragment B on Pair { id ...A }',
        }),
    ],
    [
      '10,000 aliases',
      () =>
        JSON.stringify({
          query: `{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: viewer { role }`).join(' ')} }`,
        }),
    ],
    [
      '10,000 aliases of a cheap field',
      () =>
        JSON.stringify({
          query: `{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: health`).join(' ')} }`,
        }),
    ],
    [
      '10,000 duplicated fields',
      () => JSON.stringify({ query: `{ viewer { ${'role '.repeat(10_000)} } }` }),
    ],
    [
      '1,000 aliased mutations',
      () =>
        JSON.stringify({
          query: `mutation { ${Array.from({ length: 1_000 }, (_, i) => `m${i}: createApiToken(input: { name: "x" }) { token }`).join(' ')} }`,
        }),
    ],
    [
      '5,000 directives',
      () => JSON.stringify({ query: `{ viewer ${'@include(if: true) '.repeat(5_000)} { role } }` }),
    ],
    [
      'unknown directives',
      () => JSON.stringify({ query: `{ viewer ${'@bogus '.repeat(2_000)} { role } }` }),
    ],
    [
      'many operations, none chosen',
      () =>
        JSON.stringify({
          query: Array.from({ length: 500 }, (_, i) => `query Q${i} { health }`).join(' '),
        }),
    ],
    [
      'operationName not in the document',
      () => JSON.stringify({ query: '{ health }', operationName: 'Nope' }),
    ],
    ['batch of 2', () => JSON.stringify([{ query: '{ health }' }, { query: '{ health }' }])],
    [
      'batch of 1,000',
      () => JSON.stringify(Array.from({ length: 1_000 }, () => ({ query: '{ viewer { role } }' }))),
    ],
    ['query is a number', () => JSON.stringify({ query: 42 })],
    ['query missing', () => JSON.stringify({ variables: {} })],
    ['variables is a string', () => JSON.stringify({ query: '{ health }', variables: 'x' })],
    [
      'extensions abuse',
      () =>
        JSON.stringify({
          query: '{ health }',
          extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } },
        }),
    ],
    [
      'persisted query only',
      () =>
        JSON.stringify({
          extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } },
        }),
    ],
    ['unterminated string', () => JSON.stringify({ query: '{ pair(id: "abc) { id } }' })],
    [
      '10,000 nested brackets',
      () => JSON.stringify({ query: `{ viewer(a: ${'['.repeat(10_000)}) { role } }` }),
    ],
    ['body over 1 MB', () => JSON.stringify({ query: `{ health } # ${'x'.repeat(1_100_000)}` })],
    ['malformed JSON', () => '{"query": "{ health }"'],
    [
      'JSON nested 100,000 deep',
      () => `{"query":"{ health }","variables":{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`,
    ],
    ['empty body', () => ''],
    ['JSON null', () => 'null'],
  ];
  for (const [label, body] of cases) {
    it(label, async () => {
      const started = Date.now();
      const raw = await post(await body());
      expectCoded(raw, label);
      // A refused document is refused before it does the work it asks for.
      expect(raw.text.length, `${label}: answer of ${raw.text.length} bytes`).toBeLessThan(
        2_000_000,
      );
      void started;
    });
  }

  it('refuses 1,000 aliased mutations before running one (alias limit)', async () => {
    const aliased = (n: number) =>
      JSON.stringify({
        query: `mutation { ${Array.from({ length: n }, (_, i) => `m${i}: createApiToken(input: { name: "alias" }) { apiToken { id } }`).join(' ')} }`,
      });
    const tokens = () => t.prisma.apiToken.count({ where: { orgId: team.org.id, name: 'alias' } });
    const before = await tokens();
    const started = performance.now();
    const raw = await post(aliased(1_000));
    const ms = Math.round(performance.now() - started);
    expectCoded(raw, '1,000 aliased createApiToken');
    const body = JSON.parse(raw.text) as {
      errors: { message: string; extensions: { code: string } }[];
    };
    expect(raw.status).toBe(400);
    expect(body.errors[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0]?.message).toMatch(/Aliases limit of 15 exceeded, found 1000/);
    expect(await tokens()).toBe(before);
    // At the limit the request still runs: the limit refuses abuse, not aliases.
    const atLimit = await post(aliased(t.config.GRAPHQL_MAX_ALIASES));
    expect(JSON.parse(atLimit.text).errors ?? []).toEqual([]);
    expect(await tokens()).toBe(before + t.config.GRAPHQL_MAX_ALIASES);
    console.log(
      `\n[FUZZ] 1,000 aliased createApiToken in one request: ${raw.status} ${body.errors[0]?.extensions.code} in ${ms} ms, no token created; ${t.config.GRAPHQL_MAX_ALIASES} aliases still accepted\n`,
    );
  });

  it('answers non-JSON content types with a coded error', async () => {
    for (const contentType of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
    ]) {
      expectCoded(await post('query={ health }', { 'content-type': contentType }), contentType);
    }
    const get = await fetch(
      `${t.url}/graphql?query=${encodeURIComponent('mutation { logout { ok } }')}`,
      {
        headers: { 'x-twinspect-csrf': '1', cookie: admin.cookie ?? '' },
      },
    );
    expectCoded({ status: get.status, text: await get.text() }, 'mutation over GET');
    expect(get.status).toBeGreaterThanOrEqual(400);
  });

  it(`tried at least 1,000 hostile requests`, () => {
    expect(tried).toBeGreaterThan(1_000);
    console.log(
      `\n[FUZZ] ${tried} hostile GraphQL requests over ${rootFields().length} operations: all coded, none 5xx, no stack traces\n`,
    );
  });
});
