import type { Config } from '@twinspect/config';
import { type TTrainingParams, ZTrainingParams } from '@twinspect/jobs';
import type { Actor } from '../../context.ts';
import type { TrainingParamsInput } from '../../generated/graphql.ts';

/** GraphQL input (nulls, upper-case enum) → the bounded params the train job runs with. */
export function toTrainingParams(input: TrainingParamsInput | null | undefined): TTrainingParams {
  const set: Record<string, unknown> = Object.fromEntries(
    Object.entries(input ?? {}).filter(([, value]) => value !== null && value !== undefined),
  );
  for (const key of ['mode', 'start'])
    if (typeof set[key] === 'string') set[key] = set[key].toLowerCase();
  return ZTrainingParams.parse(set);
}

/** Platform-wide runs read every organization's data: only the configured platform admins. */
export function isPlatformAdmin(config: Config, actor: Actor): boolean {
  return actor.role === 'ADMIN' && config.PLATFORM_ADMIN_EMAILS.includes(actor.email.toLowerCase());
}

/** The runs an admin may see and act on: their organization's, plus platform-wide for platform admins. */
export function visibleRunScope(config: Config, actor: Actor) {
  return isPlatformAdmin(config, actor)
    ? { OR: [{ orgId: actor.orgId }, { orgId: null }] }
    : { orgId: actor.orgId };
}
