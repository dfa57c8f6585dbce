import {
  dummyPasswordHash,
  hashPassword,
  hashToken,
  passwordNeedsRehash,
  verifyPassword,
} from '@twinspect/auth';
import { z } from 'zod';
import type { ApiDeps } from '../../context.ts';
import { unauthenticated } from '../../errors.ts';
import { recordAuditEntry } from '../audit/record-audit-entry.ts';
import { type SessionMeta, startSession } from './start-session.ts';

export const ZLoginInput = z.object({
  email: z.string().trim().toLowerCase().max(320),
  password: z.string().max(256),
});

/**
 * Checks the password and starts a new session. Any session the browser presented is deleted
 * first, so a session id planted before login is useless afterwards (rotation).
 */
export async function login(
  deps: ApiDeps,
  input: z.input<typeof ZLoginInput>,
  meta: SessionMeta & { presentedSessionToken: string | null },
) {
  const { email, password } = ZLoginInput.parse(input);
  await deps.loginRateLimiter.consume(email, meta.ip);
  const user = await deps.prisma.user.findUnique({ where: { email } });
  // Verify against a dummy hash for unknown emails, so the response time does not reveal them.
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !valid) throw unauthenticated('Invalid email or password');
  await deps.loginRateLimiter.reset(email, meta.ip);
  const upgradedHash = passwordNeedsRehash(user.passwordHash) ? await hashPassword(password) : null;

  return deps.prisma.$transaction(async (tx) => {
    if (meta.presentedSessionToken) {
      await tx.session.deleteMany({ where: { tokenHash: hashToken(meta.presentedSessionToken) } });
    }
    if (upgradedHash) {
      await tx.user.update({ where: { id: user.id }, data: { passwordHash: upgradedHash } });
    }
    const session = await startSession(tx, deps.config, user.id, meta);
    await recordAuditEntry(
      tx,
      { userId: user.id, email: user.email, orgId: null, ip: meta.ip },
      { action: 'auth.login', targetType: 'User', targetId: user.id },
    );
    return { ...session, userId: user.id };
  });
}
