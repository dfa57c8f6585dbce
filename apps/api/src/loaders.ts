import type { Image, ImageSet, ModelVersion, Pair, PrismaClient, User } from '@twinspect/prisma';
import DataLoader from 'dataloader';

// Per-request batch loaders, so a page of 50 pairs loads its 100 images in one query.
// Organization-owned rows are loaded only within the request's organization.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from clients: anything that is not a UUID simply finds nothing. */
export const isUuid = (id: string) => UUID.test(id);

function byId<T extends { id: string }>(fetch: (ids: string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length > 0 ? await fetch(valid) : [];
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

export function createLoaders(prisma: PrismaClient, orgId: string | null) {
  const none = () => Promise.resolve([]);
  return {
    image: byId<Image>((ids) =>
      orgId ? prisma.image.findMany({ where: { id: { in: ids }, orgId } }) : none(),
    ),
    imageSet: byId<ImageSet>((ids) =>
      orgId ? prisma.imageSet.findMany({ where: { id: { in: ids }, orgId } }) : none(),
    ),
    pair: byId<Pair>((ids) =>
      orgId ? prisma.pair.findMany({ where: { id: { in: ids }, orgId } }) : none(),
    ),
    /** Org's own versions and platform versions (orgId null). */
    modelVersion: byId<ModelVersion>((ids) =>
      prisma.modelVersion.findMany({
        where: { id: { in: ids }, OR: orgId ? [{ orgId }, { orgId: null }] : [{ orgId: null }] },
      }),
    ),
    /** Only ever called with ids read from rows already scoped to the organization. */
    user: byId<User>((ids) => prisma.user.findMany({ where: { id: { in: ids } } })),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Loads a row that a foreign key guarantees exists; a miss is a bug, not a user error. */
export async function mustLoad<T>(loader: DataLoader<string, T | null>, id: string): Promise<T> {
  const row = await loader.load(id);
  if (!row) throw new Error(`referenced row ${id} could not be loaded`);
  return row;
}
