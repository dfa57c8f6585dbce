import { hasRole, requireRole, requireViewer } from '../../access.ts';
import { forbidden } from '../../errors.ts';
import type { Resolvers } from '../../generated/graphql.ts';
import { mustLoad } from '../../loaders.ts';
import { freshViewer } from '../auth/auth.resolvers.ts';
import { setSessionCookie } from '../auth/session-cookie.ts';
import { acceptInvitation } from './accept-invitation.ts';
import { changeMemberRole } from './change-member-role.ts';
import { createOrganization } from './create-organization.ts';
import { findOpenInvitation } from './find-open-invitation.ts';
import { inviteMember } from './invite-member.ts';
import { removeMember } from './remove-member.ts';
import { revokeInvitation } from './revoke-invitation.ts';
import { updateOrganizationSettings } from './update-organization-settings.ts';

export const organizationsResolvers: Resolvers = {
  Query: {
    organization: (_parent, _args, ctx) => {
      const actor = requireRole(ctx, 'ANNOTATOR');
      return ctx.prisma.organization.findUnique({ where: { id: actor.orgId } });
    },
    member: (_parent, { id }, ctx) => {
      const actor = requireRole(ctx, 'ANNOTATOR');
      return ctx.prisma.membership.findFirst({ where: { id, orgId: actor.orgId } });
    },
    invitation: async (_parent, { token }, ctx) => {
      const invitation = await findOpenInvitation(ctx.prisma, token);
      if (!invitation) return null;
      const account = await ctx.prisma.user.findUnique({
        where: { email: invitation.email },
        select: { id: true },
      });
      return {
        email: invitation.email,
        role: invitation.role,
        organizationName: invitation.org.name,
        invitedByName: invitation.invitedBy.name,
        expiresAt: invitation.expiresAt,
        accountExists: account !== null,
      };
    },
  },
  Mutation: {
    createOrganization: async (_parent, { input }, ctx) => ({
      organization: await createOrganization(ctx.prisma, requireViewer(ctx), input, ctx.ip),
    }),
    updateOrganizationSettings: async (_parent, { input }, ctx) => ({
      organization: await updateOrganizationSettings(ctx.prisma, requireRole(ctx, 'ADMIN'), input),
    }),
    inviteMember: (_parent, { input }, ctx) =>
      inviteMember(ctx.prisma, ctx.config, requireRole(ctx, 'ADMIN'), input),
    acceptInvitation: async (_parent, { input }, ctx) => {
      const result = await acceptInvitation(ctx, ctx.viewer, input, {
        ip: ctx.ip,
        userAgent: ctx.req.get('user-agent') ?? null,
      });
      setSessionCookie(ctx.res, ctx.config, result.session.token, result.session.expiresAt);
      return {
        membership: result.membership,
        viewer: await freshViewer(ctx, result.userId, result.membership.orgId),
      };
    },
    revokeInvitation: async (_parent, { input }, ctx) => ({
      invitation: await revokeInvitation(ctx.prisma, requireRole(ctx, 'ADMIN'), input.id),
    }),
    changeMemberRole: async (_parent, { input }, ctx) => ({
      member: await changeMemberRole(ctx.prisma, requireRole(ctx, 'ADMIN'), input),
    }),
    removeMember: async (_parent, { input }, ctx) => ({
      memberId: await removeMember(ctx.prisma, requireRole(ctx, 'ADMIN'), input),
    }),
  },
  Organization: {
    members: (org, _args, ctx) => {
      const actor = requireRole(ctx, 'ANNOTATOR');
      if (actor.orgId !== org.id) throw forbidden('Switch to that organization to see its members');
      return ctx.prisma.membership.findMany({
        where: { orgId: org.id },
        orderBy: { createdAt: 'asc' },
      });
    },
    invitations: (org, _args, ctx) => {
      const actor = requireRole(ctx, 'ANNOTATOR');
      if (actor.orgId !== org.id || !hasRole(actor, 'ADMIN'))
        throw forbidden('Only ADMINs see invitations');
      return ctx.prisma.invitation.findMany({
        where: { orgId: org.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
        orderBy: { createdAt: 'desc' },
      });
    },
  },
  Member: {
    user: (member, _args, ctx) => mustLoad(ctx.loaders.user, member.userId),
  },
  Membership: {
    organization: (membership) => membership.organization,
  },
  Invitation: {
    invitedBy: (invitation, _args, ctx) => mustLoad(ctx.loaders.user, invitation.invitedById),
  },
};
