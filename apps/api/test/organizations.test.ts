import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { code, startApi, TEST_PASSWORD, type TestApi } from './helpers.ts';

let t: TestApi;
beforeAll(async () => {
  t = await startApi();
});
afterAll(() => t?.stop());

const INVITE =
  'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { token acceptUrl invitation { id email role } } }';
const ACCEPT =
  'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { membership { role organization { name } } viewer { role activeOrganization { name } } } }';
const MEMBERS = '{ organization { name members { id role user { email } } } }';

type Members = {
  organization: { members: { id: string; role: string; user: { email: string } }[] };
};

describe('organizations', () => {
  it('lets any signed-in user create an organization and become its ADMIN', async () => {
    const client = await t.as(t.teams.demo.emails.ANNOTATOR);
    const created = await client.request<{
      createOrganization: { organization: { id: string; slug: string } };
    }>(
      'mutation { createOrganization(input: { name: "Annotator\'s Own Lab" }) { organization { id name slug } } }',
    );
    expect(created.errors).toEqual([]);
    const orgId = created.data?.createOrganization.organization.id ?? '';
    expect(created.data?.createOrganization.organization.slug).toMatch(/^annotator-s-own-lab/);
    const viewer = await client.request(
      '{ viewer { role } }',
      {},
      { headers: { 'x-twinspect-org': orgId } },
    );
    expect(viewer.data).toEqual({ viewer: { role: 'ADMIN' } });
    // Switching remembers the choice in the session.
    await client.request(
      'mutation($id: ID!) { switchOrganization(input: { organizationId: $id }) { viewer { role } } }',
      { id: orgId },
    );
    expect((await client.request('{ viewer { role activeOrganization { id } } }')).data).toEqual({
      viewer: { role: 'ADMIN', activeOrganization: { id: orgId } },
    });
  });

  it('invites a new person, who accepts with a new account and lands in the team', async () => {
    const team = await t.freshTeam();
    const admin = await t.as(team.email('ADMIN'));
    const invited = await admin.request<{ inviteMember: { token: string; acceptUrl: string } }>(
      INVITE,
      {
        input: { email: 'Newcomer@Lab.test', role: 'EDITOR' },
      },
    );
    expect(invited.errors).toEqual([]);
    const { token, acceptUrl } = invited.data?.inviteMember ?? { token: '', acceptUrl: '' };
    expect(acceptUrl).toBe(`http://web.test/invitations/${token}`);

    const invitee = t.client();
    const preview = await invitee.request(
      'query($token: String!) { invitation(token: $token) { email role organizationName accountExists } }',
      { token },
    );
    expect(preview.data).toEqual({
      invitation: {
        email: 'newcomer@lab.test',
        role: 'EDITOR',
        organizationName: team.org.name,
        accountExists: false,
      },
    });
    const accepted = await invitee.request(ACCEPT, {
      input: { token, name: 'New Comer', password: 'newcomer-password' },
    });
    expect(accepted.errors).toEqual([]);
    expect(accepted.data).toMatchObject({
      acceptInvitation: { viewer: { role: 'EDITOR', activeOrganization: { name: team.org.name } } },
    });
    expect((await invitee.request('{ viewer { user { email } } }')).data).toEqual({
      viewer: { user: { email: 'newcomer@lab.test' } },
    });

    // A link works once.
    expect(
      code(
        await t
          .client()
          .request(ACCEPT, { input: { token, name: 'Again', password: 'whatever-123' } }),
      ),
    ).toBe('NOT_FOUND');
    const members = await admin.request<Members>(MEMBERS);
    expect(members.data?.organization.members.map((m) => m.user.email)).toContain(
      'newcomer@lab.test',
    );
  });

  it('lets an existing user accept with their password, and lists open invitations for ADMINs', async () => {
    const team = await t.freshTeam();
    const admin = await t.as(team.email('ADMIN'));
    const invited = await admin.request<{ inviteMember: { token: string } }>(INVITE, {
      input: { email: t.teams.other.emails.EDITOR, role: 'ANNOTATOR' },
    });
    const open = await admin.request<{ organization: { invitations: { email: string }[] } }>(
      '{ organization { invitations { email role } } }',
    );
    expect(open.data?.organization.invitations.map((i) => i.email)).toEqual([
      t.teams.other.emails.EDITOR,
    ]);
    const token = invited.data?.inviteMember.token ?? '';
    expect(
      code(await t.client().request(ACCEPT, { input: { token, password: 'wrong-password' } })),
    ).toBe('UNAUTHENTICATED');
    const accepted = await t
      .client()
      .request(ACCEPT, { input: { token, password: TEST_PASSWORD } });
    expect(accepted.errors).toEqual([]);
    expect(accepted.data).toMatchObject({
      acceptInvitation: { membership: { role: 'ANNOTATOR' } },
    });
  });

  it('refuses to invite an existing member (CONFLICT) or to invite as a non-ADMIN (FORBIDDEN)', async () => {
    const team = await t.freshTeam();
    const admin = await t.as(team.email('ADMIN'));
    expect(
      code(await admin.request(INVITE, { input: { email: team.email('EDITOR'), role: 'EDITOR' } })),
    ).toBe('CONFLICT');
    const editor = await t.as(team.email('EDITOR'));
    expect(
      code(await editor.request(INVITE, { input: { email: 'x@y.test', role: 'EDITOR' } })),
    ).toBe('FORBIDDEN');
    expect(
      code(await admin.request(INVITE, { input: { email: 'not-an-email', role: 'EDITOR' } })),
    ).toBe('BAD_USER_INPUT');
  });

  it('changes roles and removes members (ADMIN), keeping at least one ADMIN', async () => {
    const team = await t.freshTeam();
    const admin = await t.as(team.email('ADMIN'));
    const members = (await admin.request<Members>(MEMBERS)).data?.organization.members ?? [];
    const byEmail = (email: string) => members.find((m) => m.user.email === email)?.id ?? '';
    const CHANGE =
      'mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { member { role } } }';
    const REMOVE =
      'mutation($input: RemoveMemberInput!) { removeMember(input: $input) { memberId } }';

    const annotatorId = byEmail(team.email('ANNOTATOR'));
    const promoted = await admin.request(CHANGE, {
      input: { memberId: annotatorId, role: 'EDITOR' },
    });
    expect(promoted.data).toEqual({ changeMemberRole: { member: { role: 'EDITOR' } } });
    expect(
      code(
        await admin.request(CHANGE, {
          input: { memberId: byEmail(team.email('ADMIN')), role: 'EDITOR' },
        }),
      ),
    ).toBe('CONFLICT');
    expect(
      code(await admin.request(REMOVE, { input: { memberId: byEmail(team.email('ADMIN')) } })),
    ).toBe('CONFLICT');

    const editor = await t.as(team.email('EDITOR'));
    expect(
      code(await editor.request(CHANGE, { input: { memberId: annotatorId, role: 'ADMIN' } })),
    ).toBe('FORBIDDEN');
    expect(code(await editor.request(REMOVE, { input: { memberId: annotatorId } }))).toBe(
      'FORBIDDEN',
    );

    const removed = await admin.request(REMOVE, { input: { memberId: annotatorId } });
    expect(removed.data).toEqual({ removeMember: { memberId: annotatorId } });
    // The removed person is still a user, but no longer sees the team.
    const gone = await t.as(team.email('ANNOTATOR'));
    expect((await gone.request('{ viewer { role memberships { role } } }')).data).toEqual({
      viewer: { role: null, memberships: [] },
    });
    expect(code(await gone.request('{ imageSets { totalCount } }'))).toBe('FORBIDDEN');

    const audit = await admin.request<{ auditLog: { edges: { node: { action: string } }[] } }>(
      '{ auditLog(filter: { action: "member." }) { edges { node { action } } } }',
    );
    expect(audit.data?.auditLog.edges.map((e) => e.node.action)).toEqual([
      'member.remove',
      'member.role_change',
    ]);
  });
});
