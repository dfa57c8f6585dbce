import type { PrismaTx } from './client.ts';
import type { PrismaClient } from './generated/client/client.ts';

/**
 * The model that scores an organization's images: its own active version, else the active
 * platform version (orgId null, e.g. the shipped default). Null when neither exists.
 * Shared by the API (what the UI shows) and the scoring workers (what they load).
 */
export async function findActiveModelVersion(db: PrismaClient | PrismaTx, orgId: string) {
  const own = await db.modelVersion.findFirst({ where: { orgId, active: true } });
  return own ?? db.modelVersion.findFirst({ where: { orgId: null, active: true } });
}
