import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@twinspect/prisma';
import { z } from 'zod';
import type { Viewer } from '../../context.ts';
import { recordAuditEntry } from '../audit/record-audit-entry.ts';

export const ZCreateOrganizationInput = z.object({ name: z.string().trim().min(2).max(100) });

function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return slug || 'team';
}

/** Creates a team; its creator becomes its first ADMIN. */
export async function createOrganization(
  prisma: PrismaClient,
  viewer: Viewer,
  input: z.input<typeof ZCreateOrganizationInput>,
  ip: string | null,
) {
  const { name } = ZCreateOrganizationInput.parse(input);
  const base = slugify(name);
  const taken = await prisma.organization.findUnique({ where: { slug: base } });
  const slug = taken ? `${base}-${randomBytes(3).toString('hex')}` : base;
  return prisma.$transaction(async (tx) => {
    const organization = await tx.organization.create({ data: { name, slug } });
    await tx.membership.create({
      data: { orgId: organization.id, userId: viewer.user.id, role: 'ADMIN' },
    });
    await recordAuditEntry(
      tx,
      {
        userId: viewer.user.id,
        email: viewer.user.email,
        orgId: organization.id,
        ip,
        apiTokenId: viewer.apiTokenId,
      },
      {
        action: 'organization.create',
        targetType: 'Organization',
        targetId: organization.id,
        data: { name },
      },
    );
    return organization;
  });
}
