import type { PrismaTx } from '@twinspect/prisma';
import { isUuid } from '../../loaders.ts';

/**
 * Locks one of the organization's pairs for the rest of the transaction (null when it is not the
 * organization's), so concurrent annotations and decisions on a pair apply one after the other.
 */
export async function lockPair(tx: PrismaTx, orgId: string, pairId: string) {
  if (!isUuid(pairId)) return null;
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM "Pair" WHERE id = ${pairId}::uuid AND "orgId" = ${orgId}::uuid FOR UPDATE`;
  if (locked.length === 0) return null;
  return tx.pair.findUniqueOrThrow({
    where: { id: pairId },
    include: { org: true, confirmedLabel: true },
  });
}
