import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@twinspect/prisma';
import { z } from 'zod';
import type { Actor } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { recordAuditEntry } from '../audit/record-audit-entry.ts';

export const ZRecordDecisionInput = z.object({
  pairIds: z.array(z.uuid()).min(1).max(500),
  verdict: z.enum(['CONFIRMED_DUPLICATE', 'NOT_DUPLICATE', 'NEEDS_DISCUSSION']),
  comment: z.string().trim().max(5000).nullish(),
});

/**
 * EDITOR or ADMIN: records a verdict on one pair or on every pair of a cluster (sharing one
 * clusterId). All or nothing: if any pair is not the organization's, nothing is written.
 */
export async function recordDecision(
  prisma: PrismaClient,
  actor: Actor,
  input: z.input<typeof ZRecordDecisionInput>,
) {
  const { pairIds, verdict, comment } = ZRecordDecisionInput.parse(input);
  const ids = [...new Set(pairIds)];
  const clusterId = ids.length > 1 ? randomUUID() : null;
  return prisma.$transaction(async (tx) => {
    // Lock the pairs in a fixed order so two cluster decisions cannot deadlock.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM "Pair" WHERE id = ANY(${ids}::uuid[]) AND "orgId" = ${actor.orgId}::uuid
      ORDER BY id FOR UPDATE`;
    if (locked.length !== ids.length) throw notFound('Pair');
    const now = new Date();
    const decisions = [];
    for (const pairId of ids) {
      decisions.push(
        await tx.decision.create({
          data: {
            orgId: actor.orgId,
            pairId,
            clusterId,
            editorId: actor.userId,
            verdict,
            comment: comment || null,
            createdAt: now,
          },
        }),
      );
    }
    await tx.pair.updateMany({
      where: { id: { in: ids } },
      data: { verdict, decidedAt: now, status: 'DECIDED' },
    });
    await recordAuditEntry(tx, actor, {
      action: 'decision.record',
      targetType: ids.length > 1 ? 'Cluster' : 'Pair',
      targetId: clusterId ?? ids[0] ?? null,
      data: {
        verdict,
        pairIds: ids,
        decisionIds: decisions.map((d) => d.id),
        comment: comment || null,
      },
    });
    return { decisions };
  });
}
