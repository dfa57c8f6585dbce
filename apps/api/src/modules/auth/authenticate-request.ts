import { hashToken } from '@twinspect/auth';
import type { Role } from '@twinspect/prisma';
import type { Request } from 'express';
import type { ApiDeps, Viewer } from '../../context.ts';
import { readSessionToken } from './session-cookie.ts';

export interface Authentication {
  viewer: Viewer;
  sessionActiveOrgId: string | null;
  tokenOrgId: string | null;
  tokenRole: Role | null;
}

/** Last-seen timestamps are written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

function bearerToken(req: Request): string | null {
  const header = req.get('authorization');
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}

/** Loads a user with their memberships as a Viewer (no active organization chosen yet). */
export async function loadViewer(
  deps: ApiDeps,
  userId: string,
  via: Viewer['via'],
  ids: { sessionId: string | null; apiTokenId: string | null },
) {
  const user = await deps.prisma.user.findUnique({
    where: { id: userId },
    include: { memberships: { include: { org: true }, orderBy: { createdAt: 'asc' } } },
  });
  if (!user) return null;
  const { memberships, ...rest } = user;
  const viewer: Viewer = {
    user: rest,
    via,
    ...ids,
    memberships: memberships.map((m) => ({ id: m.id, role: m.role, organization: m.org })),
    active: null,
  };
  return viewer;
}

/** Resolves the caller from an API token (Authorization: Bearer) or the session cookie. */
export async function authenticateRequest(
  deps: ApiDeps,
  req: Request,
): Promise<Authentication | null> {
  const now = new Date();
  const bearer = bearerToken(req);
  if (bearer) {
    const token = await deps.prisma.apiToken.findUnique({
      where: { tokenHash: hashToken(bearer) },
    });
    if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return null;
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      await deps.prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
    }
    const viewer = await loadViewer(deps, token.userId, 'token', {
      sessionId: null,
      apiTokenId: token.id,
    });
    return (
      viewer && { viewer, sessionActiveOrgId: null, tokenOrgId: token.orgId, tokenRole: token.role }
    );
  }
  const cookieToken = readSessionToken(req);
  if (!cookieToken) return null;
  const session = await deps.prisma.session.findUnique({
    where: { tokenHash: hashToken(cookieToken) },
  });
  if (!session || session.expiresAt <= now) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await deps.prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const viewer = await loadViewer(deps, session.userId, 'session', {
    sessionId: session.id,
    apiTokenId: null,
  });
  return (
    viewer && { viewer, sessionActiveOrgId: session.activeOrgId, tokenOrgId: null, tokenRole: null }
  );
}
