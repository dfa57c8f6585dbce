import type { PrismaClient } from '@twinspect/prisma';
import { z } from 'zod';
import type { Actor } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { recordAuditEntry } from '../audit/record-audit-entry.ts';
import { lockPair } from './lock-pair.ts';
import { ZPairLabelInput } from './record-annotation.ts';

export const ZAdjudicatePairInput = ZPairLabelInput.extend({
  label: z.enum(['SAME', 'DIFFERENT']),
});

/** EDITOR or ADMIN: sets the pair's confirmed label, overriding the annotators' (dis)agreement. */
export async function adjudicatePair(
  prisma: PrismaClient,
  actor: Actor,
  input: z.input<typeof ZAdjudicatePairInput>,
) {
  const { pairId, label, alterations, comment } = ZAdjudicatePairInput.parse(input);
  const confirmed = {
    label,
    alterations: label === 'SAME' ? [...new Set(alterations ?? [])] : [],
    source: 'ADJUDICATED' as const,
    adjudicatorId: actor.userId,
    comment: comment || null,
  };
  return prisma.$transaction(async (tx) => {
    const pair = await lockPair(tx, actor.orgId, pairId);
    if (!pair) throw notFound('Pair');
    const confirmedLabel = await tx.confirmedLabel.upsert({
      where: { pairId },
      create: {
        orgId: actor.orgId,
        pairId,
        imageAId: pair.imageAId,
        imageBId: pair.imageBId,
        ...confirmed,
      },
      update: confirmed,
    });
    const updated =
      pair.status === 'DECIDED'
        ? pair
        : await tx.pair.update({
            where: { id: pairId },
            data: { status: label === 'SAME' ? 'CONFIRMED_SAME' : 'CONFIRMED_DIFFERENT' },
          });
    await recordAuditEntry(tx, actor, {
      action: 'annotation.adjudicate',
      targetType: 'Pair',
      targetId: pairId,
      data: { label, alterations: confirmed.alterations },
    });
    return { confirmedLabel, pair: updated };
  });
}
