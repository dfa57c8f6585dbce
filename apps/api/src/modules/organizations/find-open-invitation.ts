import { hashToken } from '@twinspect/auth';
import type { PrismaClient, PrismaTx } from '@twinspect/prisma';

/** The invitation behind a link token, if it is still open (not used, revoked or expired). */
export function findOpenInvitation(db: PrismaClient | PrismaTx, token: string) {
  return db.invitation.findFirst({
    where: {
      tokenHash: hashToken(token),
      acceptedAt: null,
      revokedAt: null,
      expiresAt: { gt: new Date() },
    },
    include: { org: true, invitedBy: true },
  });
}
