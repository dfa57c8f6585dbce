import { hashPassword, verifyPassword } from '@twinspect/auth';
import { z } from 'zod';
import type { ApiDeps, Viewer } from '../../context.ts';
import { badInput, conflict, notFound, unauthenticated } from '../../errors.ts';
import { recordAuditEntry } from '../audit/record-audit-entry.ts';
import { ZPassword } from '../auth/change-password.ts';
import { type SessionMeta, startSession } from '../auth/start-session.ts';
import { findOpenInvitation } from './find-open-invitation.ts';

export const ZAcceptInvitationInput = z.object({
  token: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(100).nullish(),
  password: z.string().max(256).nullish(),
});

/**
 * Joins the invited organization. A new email gets an account (name + password); an existing
 * account must be signed in, or give its password. Either way a session starts for the invitee.
 */
export async function acceptInvitation(
  deps: ApiDeps,
  viewer: Viewer | null,
  input: z.input<typeof ZAcceptInvitationInput>,
  meta: SessionMeta,
) {
  const { token, name, password } = ZAcceptInvitationInput.parse(input);
  const invitation = await findOpenInvitation(deps.prisma, token);
  if (!invitation) throw notFound('Invitation');
  const existing = await deps.prisma.user.findUnique({ where: { email: invitation.email } });

  let newPasswordHash: string | null = null;
  if (existing) {
    const signedInAsInvitee = viewer?.user.id === existing.id;
    if (
      !signedInAsInvitee &&
      !(password && (await verifyPassword(existing.passwordHash, password)))
    ) {
      throw unauthenticated(`Sign in as ${invitation.email} (or give its password) to accept`);
    }
  } else {
    if (!name) throw badInput('A name is needed for the new account');
    newPasswordHash = await hashPassword(ZPassword.parse(password ?? ''));
  }

  return deps.prisma.$transaction(async (tx) => {
    // Claim the invitation first: of two concurrent accepts, only one updates the row.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count === 0) throw notFound('Invitation');
    const user =
      existing ??
      (await tx.user.create({
        data: {
          email: invitation.email,
          name: name ?? invitation.email,
          passwordHash: newPasswordHash ?? '',
        },
      }));
    const already = await tx.membership.findUnique({
      where: { userId_orgId: { userId: user.id, orgId: invitation.orgId } },
    });
    if (already) throw conflict('You are already a member of this organization');
    const membership = await tx.membership.create({
      data: { orgId: invitation.orgId, userId: user.id, role: invitation.role },
    });
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedById: user.id } });
    await recordAuditEntry(
      tx,
      { userId: user.id, email: user.email, orgId: invitation.orgId, ip: meta.ip },
      {
        action: 'member.join',
        targetType: 'Membership',
        targetId: membership.id,
        data: { role: invitation.role },
      },
    );
    const session = await startSession(tx, deps.config, user.id, meta, invitation.orgId);
    return {
      membership: { ...membership, organization: invitation.org },
      session,
      userId: user.id,
    };
  });
}
