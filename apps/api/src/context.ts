import type { Config } from '@twinspect/config';
import type { Organization, PrismaClient, Role, User } from '@twinspect/prisma';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { ApiJobs } from './jobs.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { authenticateRequest } from './modules/auth/authenticate-request.ts';
import type { LoginRateLimiter } from './modules/auth/login-rate-limiter.ts';

/** Header naming the organization a request acts in (overrides the session's active org). */
export const ORG_HEADER = 'x-twinspect-org';

export interface ViewerMembership {
  id: string;
  role: Role;
  organization: Organization;
}

/** Who is calling, however they authenticated. */
export interface Viewer {
  user: User;
  via: 'session' | 'token';
  sessionId: string | null;
  apiTokenId: string | null;
  memberships: ViewerMembership[];
  /** The membership this request acts in (role already capped for API tokens). */
  active: ViewerMembership | null;
}

/** The caller acting in one organization with one role: what use cases receive. */
export interface Actor {
  userId: string;
  email: string;
  orgId: string;
  role: Role;
  apiTokenId: string | null;
  ip: string | null;
}

export interface ApiDeps {
  config: Config;
  prisma: PrismaClient;
  logger: Logger;
  jobs: ApiJobs;
  loginRateLimiter: LoginRateLimiter;
}

export interface GraphQLContext extends ApiDeps {
  req: Request;
  res: Response;
  ip: string | null;
  viewer: Viewer | null;
  /** The organization the request acts in; null when signed out or a member of none. */
  actor: Actor | null;
  /** The request named an organization the caller may not act in. */
  orgDenied: boolean;
  loaders: Loaders;
}

function selectOrganization(
  viewer: Viewer,
  requested: string | undefined,
  sessionActiveOrgId: string | null,
  tokenOrgId: string | null,
  tokenRole: Role | null,
): { membership: ViewerMembership | null; denied: boolean } {
  const byOrg = (orgId: string | null | undefined) =>
    viewer.memberships.find((membership) => membership.organization.id === orgId) ?? null;
  if (tokenOrgId) {
    const membership = byOrg(tokenOrgId);
    if (!membership || (requested && requested !== tokenOrgId)) {
      return { membership: null, denied: true };
    }
    // A token acts with at most the role it was created with.
    const role =
      tokenRole && rankOf(tokenRole) < rankOf(membership.role) ? tokenRole : membership.role;
    return { membership: { ...membership, role }, denied: false };
  }
  if (requested) {
    const membership = byOrg(requested);
    return { membership, denied: membership === null };
  }
  return { membership: byOrg(sessionActiveOrgId) ?? viewer.memberships[0] ?? null, denied: false };
}

const RANK: Record<Role, number> = { ANNOTATOR: 1, EDITOR: 2, ADMIN: 3 };
export const rankOf = (role: Role) => RANK[role];

export async function createContext(
  deps: ApiDeps,
  req: Request,
  res: Response,
): Promise<GraphQLContext> {
  const ip = req.ip ?? null;
  const auth = await authenticateRequest(deps, req);
  const requested = req.get(ORG_HEADER)?.trim() || undefined;
  let actor: Actor | null = null;
  let orgDenied = false;
  if (auth) {
    const { membership, denied } = selectOrganization(
      auth.viewer,
      requested,
      auth.sessionActiveOrgId,
      auth.tokenOrgId,
      auth.tokenRole,
    );
    orgDenied = denied;
    auth.viewer.active = membership;
    if (membership) {
      actor = {
        userId: auth.viewer.user.id,
        email: auth.viewer.user.email,
        orgId: membership.organization.id,
        role: membership.role,
        apiTokenId: auth.viewer.apiTokenId,
        ip,
      };
    }
  }
  return {
    ...deps,
    req,
    res,
    ip,
    viewer: auth?.viewer ?? null,
    actor,
    orgDenied,
    loaders: createLoaders(deps.prisma, actor?.orgId ?? null),
  };
}
