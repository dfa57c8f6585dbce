import { type Config, cookieSecure } from '@twinspect/config';
import { parse } from 'cookie';
import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'twinspect_session';

export function readSessionToken(req: Request): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  return parse(header)[SESSION_COOKIE] ?? null;
}

/** HTTP-only, SameSite=Lax: scripts cannot read it and other sites cannot send it on POSTs. */
export function setSessionCookie(res: Response, config: Config, token: string, expiresAt: Date) {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieSecure(config),
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(res: Response, config: Config) {
  res.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieSecure(config),
    path: '/',
  });
}
