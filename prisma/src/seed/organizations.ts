import { hashPassword } from '@twinspect/auth';
import type { Organization, PrismaClient, Role, User } from '../generated/client/client.ts';

export interface SeedMember {
  email: string;
  name: string;
  role: Role;
}

export interface SeededOrganization {
  org: Organization;
  users: Record<string, User>;
}

/**
 * Creates (or brings up to date) an organization with members, all sharing one password.
 * Idempotent: running it twice leaves one org, one user per email and one membership each.
 */
export async function seedOrganization(
  prisma: PrismaClient,
  input: { name: string; slug: string; members: SeedMember[]; password: string },
): Promise<SeededOrganization> {
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const org = await tx.organization.upsert({
      where: { slug: input.slug },
      update: { name: input.name },
      create: { name: input.name, slug: input.slug },
    });
    const users: Record<string, User> = {};
    for (const member of input.members) {
      const email = member.email.toLowerCase();
      const user = await tx.user.upsert({
        where: { email },
        update: { name: member.name, passwordHash },
        create: { email, name: member.name, passwordHash },
      });
      await tx.membership.upsert({
        where: { userId_orgId: { userId: user.id, orgId: org.id } },
        update: { role: member.role },
        create: { userId: user.id, orgId: org.id, role: member.role },
      });
      users[email] = user;
    }
    return { org, users };
  });
}
