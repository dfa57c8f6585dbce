import { generateToken, hashToken } from '@twinspect/auth';
import type { Config } from '@twinspect/config';
import type { PrismaTx } from '@twinspect/prisma';

export interface SessionMeta {
  ip: string | null;
  userAgent: string | null;
}

/** Creates a session row and returns the cookie token (only its hash is stored). */
export async function startSession(
  tx: PrismaTx,
  config: Config,
  userId: string,
  meta: SessionMeta,
  activeOrgId: string | null = null,
) {
  const token = generateToken('session');
  const expiresAt = new Date(Date.now() + config.SESSION_TTL_HOURS * 3_600_000);
  await tx.session.create({
    data: {
      userId,
      tokenHash: hashToken(token),
      activeOrgId,
      expiresAt,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 512) ?? null,
    },
  });
  return { token, expiresAt };
}
