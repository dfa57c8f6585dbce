import type { Role } from '@twinspect/prisma';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { code, type GraphQLTestClient, type TestApi } from './helpers.ts';
import { type Least, OPERATIONS } from './support/operations.ts';
import {
  ROLES,
  schemaOperations,
  seedTenant,
  startApiWithOwnQueues,
  type Tenant,
} from './support/tenant.ts';

// [ROLES] Every Query and Mutation field of schema.graphql, called by every role and signed out,
// on the caller's own team: allowed from its least role up (no error at all), FORBIDDEN below it,
// UNAUTHENTICATED signed out unless public. The operations come from the schema itself, so an
// operation without a case in support/operations.ts fails the first test.

let t: TestApi;
let team: Tenant;
const clients = new Map<Role | 'SIGNED_OUT', GraphQLTestClient>();
let calls = 0;

beforeAll(async () => {
  t = await startApiWithOwnQueues({ LOGIN_RATE_LIMIT_MAX: '1000' });
  team = await seedTenant(t, `roles-${Date.now().toString(36)}`);
  for (const role of ROLES) clients.set(role, await t.as(team.email(role)));
  clients.set('SIGNED_OUT', t.client());
});
afterAll(() => t?.stop());

const RANK: Record<Least, number> = { PUBLIC: 0, SIGNED_IN: 1, ANNOTATOR: 1, EDITOR: 2, ADMIN: 3 };

function expected(least: Least, role: Role | null): string | null {
  if (role === null) return least === 'PUBLIC' ? null : 'UNAUTHENTICATED';
  return RANK[role] >= RANK[least] ? null : 'FORBIDDEN';
}

describe('[ROLES] every operation for every role', () => {
  it('has a case for every Query and Mutation field of the schema', () => {
    const missing = schemaOperations().filter((name) => !OPERATIONS[name]);
    const stale = Object.keys(OPERATIONS).filter((name) => !schemaOperations().includes(name));
    expect(missing, 'operations without a role-matrix case').toEqual([]);
    expect(stale, 'cases for operations the schema no longer has').toEqual([]);
  });

  for (const caller of [...ROLES, null] as const) {
    describe(caller ?? 'signed out', () => {
      for (const name of schemaOperations()) {
        const operation = OPERATIONS[name];
        if (!operation) continue;
        const want = expected(operation.least, caller);
        it(`${name} (least ${operation.least}) → ${want ?? 'allowed'}`, async () => {
          const response = await operation.own({
            t,
            own: team,
            other: team,
            role: caller,
            email: caller ? team.email(caller) : null,
            client: clients.get(caller ?? 'SIGNED_OUT') as GraphQLTestClient,
            headers: {},
          });
          calls++;
          expect(code(response), JSON.stringify(response.errors)).toBe(want);
          if (want === null) expect(response.data, 'an allowed call answers data').not.toBeNull();
          else expect(Object.values(response.data ?? {}).every((v) => v === null)).toBe(true);
        });
      }
    });
  }

  it('prints the matrix size', () => {
    const operations = schemaOperations().length;
    expect(calls).toBe(operations * 4);
    console.log(
      `\n[ROLES] ${operations} operations (every Query and Mutation field) × 4 callers (ADMIN, EDITOR, ANNOTATOR, signed out) = ${calls} calls, each allowed or refused as its least role says\n`,
    );
  });
});
