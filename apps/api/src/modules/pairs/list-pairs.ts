import type { Prisma, PrismaClient } from '@twinspect/prisma';
import { z } from 'zod';
import type { Actor } from '../../context.ts';
import { isUuid } from '../../loaders.ts';
import { decodeCursor, pageSize, toConnection, ZPageArgs } from '../common/pagination.ts';

const ZPairStatus = z.enum([
  'OPEN',
  'IN_ANNOTATION',
  'NEEDS_ADJUDICATION',
  'CONFIRMED_SAME',
  'CONFIRMED_DIFFERENT',
  'DECIDED',
]);

export const ZPairFilter = z
  .object({
    status: z.array(ZPairStatus).max(6).nullish(),
    minScore: z.number().finite().nullish(),
    maxScore: z.number().finite().nullish(),
    setId: z.string().nullish(),
    flagged: z.boolean().nullish(),
    alteration: z.enum(['CROP', 'ROTATION', 'FLIP', 'COLOUR', 'NOISE', 'OTHER']).nullish(),
    unlabelledByMe: z.boolean().nullish(),
  })
  .nullish();

const ZScoreCursor = z.tuple([z.number(), z.uuid()]);

/**
 * totalCount stops here. An exact count of an organization's 100,000 pairs (minus the caller's
 * labels) is a 50 ms scan on every page read; counting at most this many rows walks the same
 * index as the page and costs about what the page does.
 */
export const PAIR_COUNT_CAP = 1_000;

/**
 * The triage queue: the organization's pairs, highest score first (ties by id), filtered by
 * status, score range, set, flag, alteration seen, and (for an annotator's queue) whether the
 * caller has labelled the pair yet. Keyset pagination on (score desc, id asc) uses the index
 * (orgId, status, score desc), so page 500 costs what page 1 does. The count is capped (see
 * PAIR_COUNT_CAP) for the same reason.
 */
export async function listPairs(
  prisma: PrismaClient,
  actor: Actor,
  args: { filter?: z.input<typeof ZPairFilter>; first?: number | null; after?: string | null },
) {
  const { first, after } = ZPageArgs.parse(args);
  const filter = ZPairFilter.parse(args.filter) ?? {};
  const size = pageSize(first);
  if (filter.setId && !isUuid(filter.setId)) {
    return { ...toConnection([], size, () => null), totalCount: 0, totalCountCapped: false };
  }
  const where: Prisma.PairWhereInput = {
    orgId: actor.orgId,
    ...(filter.status?.length ? { status: { in: filter.status } } : {}),
    ...(filter.setId ? { setId: filter.setId } : {}),
    ...(typeof filter.flagged === 'boolean' ? { flagged: filter.flagged } : {}),
    score: {
      ...(filter.minScore != null ? { gte: filter.minScore } : {}),
      ...(filter.maxScore != null ? { lte: filter.maxScore } : {}),
    },
    ...(filter.alteration
      ? {
          OR: [
            { annotations: { some: { alterations: { has: filter.alteration } } } },
            { confirmedLabel: { alterations: { has: filter.alteration } } },
          ],
        }
      : {}),
    ...(filter.unlabelledByMe === true
      ? { annotations: { none: { annotatorId: actor.userId } } }
      : filter.unlabelledByMe === false
        ? { annotations: { some: { annotatorId: actor.userId } } }
        : {}),
  };
  let page: Prisma.PairWhereInput = {};
  if (after) {
    const [score, id] = decodeCursor(after, ZScoreCursor);
    page = { OR: [{ score: { lt: score } }, { score, id: { gt: id } }] };
  }
  const [rows, counted] = await Promise.all([
    prisma.pair.findMany({
      where: { AND: [where, page] },
      orderBy: [{ score: 'desc' }, { id: 'asc' }],
      take: size + 1,
    }),
    prisma.pair.count({ where, take: PAIR_COUNT_CAP + 1 }),
  ]);
  return {
    ...toConnection(rows, size, (pair) => [pair.score, pair.id]),
    totalCount: Math.min(counted, PAIR_COUNT_CAP),
    totalCountCapped: counted > PAIR_COUNT_CAP,
  };
}
