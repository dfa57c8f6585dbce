import { createHash, randomBytes } from 'node:crypto';

/**
 * Session cookies, API tokens and invitation links are 256-bit random secrets. The database keeps
 * only their sha256: a leaked table does not let anyone sign in. (A slow hash is not needed for
 * secrets with this much entropy.)
 */
export type TokenKind = 'session' | 'api' | 'invite';

const PREFIX: Record<TokenKind, string> = { session: 'tss', api: 'tsp', invite: 'tsi' };

export function generateToken(kind: TokenKind): string {
  return `${PREFIX[kind]}_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The part of an API token shown to humans to tell tokens apart. */
export function tokenDisplayPrefix(token: string): string {
  return token.slice(0, 10);
}
