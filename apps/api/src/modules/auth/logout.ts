import type { ApiDeps, Viewer } from '../../context.ts';

/** Ends the current session (the row is deleted, so the cookie is worthless even if kept). */
export async function logout(deps: ApiDeps, viewer: Viewer | null) {
  if (viewer?.sessionId) {
    await deps.prisma.session.deleteMany({ where: { id: viewer.sessionId } });
  }
}
