import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { code, startApi, type TestApi } from './helpers.ts';

let t: TestApi;
beforeAll(async () => {
  t = await startApi();
});
afterAll(() => t?.stop());

const UPDATE =
  'mutation($n: Int!) { updateOrganizationSettings(input: { annotationsRequired: $n }) { organization { annotationsRequired } } }';

describe('updateOrganizationSettings', () => {
  it('lets an ADMIN set how many annotations a pair needs, audited; others are refused', async () => {
    const team = await t.freshTeam();
    const admin = await t.as(team.email('ADMIN'));
    const set = await admin.request(UPDATE, { n: 3 });
    expect(set.errors).toEqual([]);
    expect(set.data).toEqual({
      updateOrganizationSettings: { organization: { annotationsRequired: 3 } },
    });
    const audit = await t.prisma.auditLog.findFirst({
      where: { orgId: team.org.id, action: 'organization.settings' },
    });
    expect(audit?.data).toEqual({ annotationsRequired: { from: 2, to: 3 } });

    expect(code(await admin.request(UPDATE, { n: 0 }))).toBe('BAD_USER_INPUT');
    expect(code(await admin.request(UPDATE, { n: 6 }))).toBe('BAD_USER_INPUT');
    for (const role of ['EDITOR', 'ANNOTATOR']) {
      const other = await t.as(team.email(role));
      expect(code(await other.request(UPDATE, { n: 1 }))).toBe('FORBIDDEN');
    }
    const after = await t.prisma.organization.findUniqueOrThrow({ where: { id: team.org.id } });
    expect(after.annotationsRequired).toBe(3);
  });
});
