import { generateToken, hashToken } from '@twinspect/auth';
import type { Config } from '@twinspect/config';
import type { PrismaClient } from '@twinspect/prisma';
import { z } from 'zod';
import type { Actor } from '../../context.ts';
import { conflict } from '../../errors.ts';
import { recordAuditEntry } from '../audit/record-audit-entry.ts';

export const ZRole = z.enum(['ADMIN', 'EDITOR', 'ANNOTATOR']);
export const ZEmail = z.string().trim().toLowerCase().pipe(z.email().max(320));

export const ZInviteMemberInput = z.object({ email: ZEmail, role: ZRole });

/**
 * ADMIN only (checked by the resolver). Returns the secret token once; the invitee opens
 * `${WEB_ORIGIN}/invitations/<token>`. Twinspect sends no email: the admin passes the link on.
 */
export async function inviteMember(
  prisma: PrismaClient,
  config: Config,
  actor: Actor,
  input: z.input<typeof ZInviteMemberInput>,
) {
  const { email, role } = ZInviteMemberInput.parse(input);
  const existing = await prisma.membership.findFirst({
    where: { orgId: actor.orgId, user: { email } },
  });
  if (existing) throw conflict('That person is already a member');
  const token = generateToken('invite');
  const invitation = await prisma.$transaction(async (tx) => {
    // A new invitation replaces an open one for the same email (at most one open: unique index).
    await tx.invitation.updateMany({
      where: { orgId: actor.orgId, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const created = await tx.invitation.create({
      data: {
        orgId: actor.orgId,
        email,
        role,
        tokenHash: hashToken(token),
        invitedById: actor.userId,
        expiresAt: new Date(Date.now() + config.INVITATION_TTL_HOURS * 3_600_000),
      },
    });
    await recordAuditEntry(tx, actor, {
      action: 'member.invite',
      targetType: 'Invitation',
      targetId: created.id,
      data: { email, role },
    });
    return created;
  });
  const acceptUrl = new URL(
    `/invitations/${encodeURIComponent(token)}`,
    config.WEB_ORIGIN,
  ).toString();
  return { invitation, token, acceptUrl };
}
