import type { PrismaTx } from '@twinspect/prisma';

/**
 * Locks the organization's ADMIN memberships for the transaction and returns their ids, so two
 * concurrent demotions cannot both pass the "someone stays ADMIN" check.
 */
export async function lockAdminMembershipIds(tx: PrismaTx, orgId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM "Membership" WHERE "orgId" = ${orgId}::uuid AND role = 'ADMIN' FOR UPDATE`;
  return rows.map((row) => row.id);
}
