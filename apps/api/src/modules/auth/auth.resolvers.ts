import { requireRole, requireViewer } from '../../access.ts';
import type { GraphQLContext, Viewer } from '../../context.ts';
import { unauthenticated } from '../../errors.ts';
import type { Resolvers } from '../../generated/graphql.ts';
import { mustLoad } from '../../loaders.ts';
import { loadViewer } from './authenticate-request.ts';
import { changePassword } from './change-password.ts';
import { createApiToken } from './create-api-token.ts';
import { listApiTokens } from './list-api-tokens.ts';
import { login } from './login.ts';
import { logout } from './logout.ts';
import { revokeApiToken } from './revoke-api-token.ts';
import { clearSessionCookie, readSessionToken, setSessionCookie } from './session-cookie.ts';
import { switchOrganization } from './switch-organization.ts';

function sessionMeta(ctx: GraphQLContext) {
  return { ip: ctx.ip, userAgent: ctx.req.get('user-agent') ?? null };
}

/** The viewer as seen right after a new session starts (its first organization is active). */
export async function freshViewer(
  ctx: GraphQLContext,
  userId: string,
  activeOrgId?: string | null,
): Promise<Viewer> {
  const viewer = await loadViewer(ctx, userId, 'session', { sessionId: null, apiTokenId: null });
  if (!viewer) throw unauthenticated();
  viewer.active =
    viewer.memberships.find((m) => m.organization.id === activeOrgId) ??
    viewer.memberships[0] ??
    null;
  return viewer;
}

export const authResolvers: Resolvers = {
  Query: {
    viewer: (_parent, _args, ctx) => ctx.viewer,
    apiTokens: (_parent, _args, ctx) => listApiTokens(ctx.prisma, requireRole(ctx, 'ANNOTATOR')),
  },
  Mutation: {
    login: async (_parent, { input }, ctx) => {
      const session = await login(ctx, input, {
        ...sessionMeta(ctx),
        presentedSessionToken: readSessionToken(ctx.req),
      });
      setSessionCookie(ctx.res, ctx.config, session.token, session.expiresAt);
      return { viewer: await freshViewer(ctx, session.userId), expiresAt: session.expiresAt };
    },
    logout: async (_parent, _args, ctx) => {
      await logout(ctx, ctx.viewer);
      clearSessionCookie(ctx.res, ctx.config);
      return { ok: true };
    },
    changePassword: async (_parent, { input }, ctx) => {
      const viewer = requireViewer(ctx);
      const session = await changePassword(ctx, viewer, input, sessionMeta(ctx));
      if (session) setSessionCookie(ctx.res, ctx.config, session.token, session.expiresAt);
      return { viewer: await freshViewer(ctx, viewer.user.id, ctx.actor?.orgId) };
    },
    switchOrganization: async (_parent, { input }, ctx) => {
      const viewer = requireViewer(ctx);
      const membership = await switchOrganization(ctx, viewer, input.organizationId);
      return { viewer: { ...viewer, active: membership } };
    },
    createApiToken: (_parent, { input }, ctx) =>
      createApiToken(ctx.prisma, requireRole(ctx, 'ANNOTATOR'), input),
    revokeApiToken: async (_parent, { input }, ctx) => ({
      apiToken: await revokeApiToken(ctx.prisma, requireRole(ctx, 'ANNOTATOR'), input.id),
    }),
  },
  Viewer: {
    user: (viewer) => viewer.user,
    authMethod: (viewer) => (viewer.via === 'token' ? 'API_TOKEN' : 'SESSION'),
    memberships: (viewer) => viewer.memberships,
    activeOrganization: (viewer) => viewer.active?.organization ?? null,
    role: (viewer) => viewer.active?.role ?? null,
  },
  ApiToken: {
    owner: (token, _args, ctx) => mustLoad(ctx.loaders.user, token.userId),
  },
};
