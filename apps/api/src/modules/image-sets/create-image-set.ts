import type { PrismaClient } from '@twinspect/prisma';
import { z } from 'zod';
import type { Actor } from '../../context.ts';
import { recordAuditEntry } from '../audit/record-audit-entry.ts';

export const ZCreateImageSetInput = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000).nullish(),
});

/** An empty case; images arrive by upload (see the ingest pipeline). EDITOR or ADMIN. */
export async function createImageSet(
  prisma: PrismaClient,
  actor: Actor,
  input: z.input<typeof ZCreateImageSetInput>,
) {
  const { name, description } = ZCreateImageSetInput.parse(input);
  return prisma.$transaction(async (tx) => {
    const imageSet = await tx.imageSet.create({
      data: {
        orgId: actor.orgId,
        name,
        description: description || null,
        createdById: actor.userId,
      },
    });
    await recordAuditEntry(tx, actor, {
      action: 'image_set.create',
      targetType: 'ImageSet',
      targetId: imageSet.id,
      data: { name },
    });
    return imageSet;
  });
}
