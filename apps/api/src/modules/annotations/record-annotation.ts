import type { PrismaClient } from '@twinspect/prisma';
import { z } from 'zod';
import type { Actor } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { recordAuditEntry } from '../audit/record-audit-entry.ts';
import { computeConsensus } from './consensus.ts';
import { lockPair } from './lock-pair.ts';

export const ZAlteration = z.enum(['CROP', 'ROTATION', 'FLIP', 'COLOUR', 'NOISE', 'OTHER']);

/** What a person says about a pair: an annotator's label, or an editor's adjudication. */
export const ZPairLabelInput = z.object({
  pairId: z.string(),
  alterations: z.array(ZAlteration).max(6).nullish(),
  comment: z.string().trim().max(2000).nullish(),
});

export const ZRecordAnnotationInput = ZPairLabelInput.extend({
  label: z.enum(['SAME', 'DIFFERENT', 'UNSURE']),
});

/**
 * Records (or replaces) the actor's one annotation of a pair, then recomputes the pair's
 * consensus in the same transaction. Adjudicated and decided pairs keep their outcome.
 */
export async function recordAnnotation(
  prisma: PrismaClient,
  actor: Actor,
  input: z.input<typeof ZRecordAnnotationInput>,
) {
  const { pairId, label, alterations, comment } = ZRecordAnnotationInput.parse(input);
  const tags = [...new Set(alterations ?? [])];
  return prisma.$transaction(async (tx) => {
    const pair = await lockPair(tx, actor.orgId, pairId);
    if (!pair) throw notFound('Pair');
    const annotation = await tx.annotation.upsert({
      where: { pairId_annotatorId: { pairId, annotatorId: actor.userId } },
      create: {
        orgId: actor.orgId,
        pairId,
        annotatorId: actor.userId,
        label,
        alterations: tags,
        comment: comment || null,
      },
      update: { label, alterations: tags, comment: comment || null },
    });
    const labels = await tx.annotation.findMany({
      where: { pairId },
      select: { label: true, alterations: true },
    });
    const settled = pair.status === 'DECIDED' || pair.confirmedLabel?.source === 'ADJUDICATED';
    const consensus = computeConsensus({ labels, required: pair.org.annotationsRequired });
    if (!settled) {
      if ('label' in consensus) {
        const confirmed = {
          label: consensus.label,
          alterations: consensus.alterations,
          source: 'AGREED' as const,
        };
        await tx.confirmedLabel.upsert({
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
      } else if (pair.confirmedLabel) {
        // Someone changed their label: the agreement no longer holds.
        await tx.confirmedLabel.delete({ where: { pairId } });
      }
    }
    const updated = await tx.pair.update({
      where: { id: pairId },
      data: { annotationCount: labels.length, ...(settled ? {} : { status: consensus.status }) },
    });
    await recordAuditEntry(tx, actor, {
      action: 'annotation.record',
      targetType: 'Pair',
      targetId: pairId,
      data: { annotationId: annotation.id, label, alterations: tags },
    });
    return { annotation, pair: updated };
  });
}
