import type { Role } from '@twinspect/prisma';
import { type Actor, type GraphQLContext, rankOf, type Viewer } from './context.ts';
import { forbidden, unauthenticated } from './errors.ts';

// Every resolver that touches organization data starts with requireRole(ctx, <least role>).
// The returned Actor carries the orgId that every query must filter by.

export function requireViewer(ctx: GraphQLContext): Viewer {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
}

export function requireRole(ctx: GraphQLContext, least: Role): Actor {
  requireViewer(ctx);
  if (ctx.orgDenied) throw forbidden('You are not a member of that organization');
  if (!ctx.actor) throw forbidden('You are not a member of any organization');
  if (rankOf(ctx.actor.role) < rankOf(least)) {
    throw forbidden(`This needs the ${least} role or higher`);
  }
  return ctx.actor;
}

export function hasRole(actor: Actor, least: Role): boolean {
  return rankOf(actor.role) >= rankOf(least);
}
