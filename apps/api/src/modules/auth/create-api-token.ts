import { generateToken, hashToken, tokenDisplayPrefix } from '@twinspect/auth';
import type { PrismaClient } from '@twinspect/prisma';
import { z } from 'zod';
import { type Actor, rankOf } from '../../context.ts';
import { forbidden } from '../../errors.ts';
import { recordAuditEntry } from '../audit/record-audit-entry.ts';

export const ZCreateApiTokenInput = z.object({
  name: z.string().trim().min(1).max(100),
  role: z.enum(['ADMIN', 'EDITOR', 'ANNOTATOR']).nullish(),
  expiresInDays: z.number().int().min(1).max(365).nullish(),
});

/** A token for scripts, scoped to the actor's organization and at most the actor's role. */
export async function createApiToken(
  prisma: PrismaClient,
  actor: Actor,
  input: z.input<typeof ZCreateApiTokenInput>,
) {
  const { name, role, expiresInDays } = ZCreateApiTokenInput.parse(input);
  const tokenRole = role ?? actor.role;
  if (rankOf(tokenRole) > rankOf(actor.role))
    throw forbidden('A token cannot have more rights than you');
  const token = generateToken('api');
  return prisma.$transaction(async (tx) => {
    const apiToken = await tx.apiToken.create({
      data: {
        orgId: actor.orgId,
        userId: actor.userId,
        name,
        role: tokenRole,
        tokenHash: hashToken(token),
        prefix: tokenDisplayPrefix(token),
        expiresAt: expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null,
      },
    });
    await recordAuditEntry(tx, actor, {
      action: 'api_token.create',
      targetType: 'ApiToken',
      targetId: apiToken.id,
      data: { name, role: tokenRole },
    });
    return { apiToken, token };
  });
}
