import {
  hashPassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  verifyPassword,
} from '@twinspect/auth';
import { z } from 'zod';
import type { ApiDeps, Viewer } from '../../context.ts';
import { badInput, unauthenticated } from '../../errors.ts';
import { recordAuditEntry } from '../audit/record-audit-entry.ts';
import { type SessionMeta, startSession } from './start-session.ts';

export const ZPassword = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

export const ZChangePasswordInput = z.object({
  currentPassword: z.string().max(PASSWORD_MAX_LENGTH),
  newPassword: ZPassword,
});

/**
 * Sets a new password and ends every session of the user (other browsers are signed out), then
 * starts a fresh session for the caller when they used one.
 */
export async function changePassword(
  deps: ApiDeps,
  viewer: Viewer,
  input: z.input<typeof ZChangePasswordInput>,
  meta: SessionMeta,
) {
  const { currentPassword, newPassword } = ZChangePasswordInput.parse(input);
  if (!(await verifyPassword(viewer.user.passwordHash, currentPassword))) {
    throw unauthenticated('The current password is wrong');
  }
  if (currentPassword === newPassword)
    throw badInput('The new password must differ from the current one');
  const passwordHash = await hashPassword(newPassword);
  return deps.prisma.$transaction(async (tx) => {
    const previous = viewer.sessionId
      ? await tx.session.findUnique({ where: { id: viewer.sessionId } })
      : null;
    await tx.user.update({
      where: { id: viewer.user.id },
      data: { passwordHash, passwordChangedAt: new Date() },
    });
    await tx.session.deleteMany({ where: { userId: viewer.user.id } });
    await recordAuditEntry(
      tx,
      { userId: viewer.user.id, email: viewer.user.email, orgId: null, ip: meta.ip },
      { action: 'auth.password_change', targetType: 'User', targetId: viewer.user.id },
    );
    return viewer.via === 'session'
      ? startSession(tx, deps.config, viewer.user.id, meta, previous?.activeOrgId ?? null)
      : null;
  });
}
