import { type Config, trustedOrigins } from '@twinspect/config';
import type { RequestHandler } from 'express';
import { readSessionToken } from '../modules/auth/session-cookie.ts';

/**
 * CSRF defence for cookie-authenticated requests, on top of SameSite=Lax cookies and Apollo's
 * csrfPrevention (which forces a CORS preflight): a browser request that carries the session
 * cookie must come from a trusted origin. Requests without the cookie (API tokens, curl) are
 * not affected: they carry no ambient credentials to abuse.
 */
export function originCheck(config: Config): RequestHandler {
  const allowed = new Set(trustedOrigins(config));
  return (req, res, next) => {
    const origin = req.get('origin');
    if (!origin || !readSessionToken(req) || allowed.has(origin)) return next();
    res.status(403).json({
      errors: [{ message: 'Cross-origin request refused', extensions: { code: 'FORBIDDEN' } }],
    });
  };
}
