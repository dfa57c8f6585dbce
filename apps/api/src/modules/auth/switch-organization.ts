import type { ApiDeps, Viewer } from '../../context.ts';
import { badInput, forbidden } from '../../errors.ts';

/** Remembers the organization a browser session works in. API tokens are fixed to one org. */
export async function switchOrganization(deps: ApiDeps, viewer: Viewer, organizationId: string) {
  if (!viewer.sessionId) throw badInput('API tokens act in the organization they were created for');
  const membership = viewer.memberships.find((m) => m.organization.id === organizationId);
  if (!membership) throw forbidden('You are not a member of that organization');
  await deps.prisma.session.update({
    where: { id: viewer.sessionId },
    data: { activeOrgId: organizationId },
  });
  return membership;
}
