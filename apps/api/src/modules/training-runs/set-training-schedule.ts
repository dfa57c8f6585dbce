import type { Prisma } from '@twinspect/prisma';
import { z } from 'zod';
import type { Actor, ApiDeps } from '../../context.ts';
import type { SetTrainingScheduleInput } from '../../generated/graphql.ts';
import { recordAuditEntry } from '../audit/record-audit-entry.ts';
import { toTrainingParams } from './training-params.ts';

const CRON = /^(\S+\s+){4}\S+$/;

export const ZSetTrainingScheduleInput = z
  .object({
    enabled: z.boolean(),
    everyMinutes: z
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60)
      .nullish(),
    cron: z.string().trim().regex(CRON, 'must be a 5-field cron pattern').nullish(),
    minNewLabels: z.number().int().min(1).max(100_000),
  })
  .refine((s) => !s.enabled || s.everyMinutes || s.cron, {
    message: 'an enabled schedule needs everyMinutes or cron',
    path: ['everyMinutes'],
  });

/**
 * ADMIN. Stores the schedule and (re)creates its BullMQ job scheduler on `train`; each firing
 * starts a run only if at least minNewLabels confirmed labels arrived since the last run.
 */
export async function setTrainingSchedule(
  deps: Pick<ApiDeps, 'prisma' | 'jobs'>,
  actor: Actor,
  input: SetTrainingScheduleInput,
) {
  const { prisma, jobs } = deps;
  const parsed = ZSetTrainingScheduleInput.parse(input);
  const params = toTrainingParams(input.params) as Prisma.InputJsonObject;
  // Disabling without naming an interval keeps the one it had (a schedule always has one).
  const existing = await prisma.trainingSchedule.findUnique({ where: { orgId: actor.orgId } });
  const cron = parsed.cron ?? (parsed.everyMinutes ? null : (existing?.cron ?? null));
  const data = {
    enabled: parsed.enabled,
    everyMinutes: cron ? null : (parsed.everyMinutes ?? existing?.everyMinutes ?? 60),
    cron,
    minNewLabels: parsed.minNewLabels,
    params,
    updatedById: actor.userId,
  };
  const schedule = await prisma.$transaction(async (tx) => {
    const row = await tx.trainingSchedule.upsert({
      where: { orgId: actor.orgId },
      create: { orgId: actor.orgId, ...data },
      update: data,
    });
    await recordAuditEntry(tx, actor, {
      action: 'training.schedule.set',
      targetType: 'TrainingSchedule',
      targetId: row.id,
      data: {
        enabled: data.enabled,
        everyMinutes: data.everyMinutes,
        cron: data.cron,
        minNewLabels: data.minNewLabels,
        params,
      },
    });
    return row;
  });
  if (schedule.enabled) await jobs.train.upsertSchedule(actor.orgId, schedule);
  else await jobs.train.removeSchedule(actor.orgId);
  return schedule;
}
