import type { PrismaClient } from '../generated/client/client.ts';
import { type SeededOrganization, type SeedMember, seedOrganization } from './organizations.ts';

export const DEMO_ORG = { name: 'Demo Lab', slug: 'demo-lab' } as const;

export const DEMO_MEMBERS = [
  { email: 'admin@demo.twinspect.test', name: 'Ada Admin', role: 'ADMIN' },
  { email: 'editor@demo.twinspect.test', name: 'Edith Editor', role: 'EDITOR' },
  { email: 'annotator@demo.twinspect.test', name: 'Ann Annotator', role: 'ANNOTATOR' },
  { email: 'annotator2@demo.twinspect.test', name: 'Arno Annotator', role: 'ANNOTATOR' },
] as const satisfies readonly SeedMember[];

/** A second team, so isolation can be shown and tested: nothing of it is visible to Demo Lab. */
export const OTHER_ORG = { name: 'Other Lab', slug: 'other-lab' } as const;

export const OTHER_MEMBERS = [
  { email: 'admin@other.twinspect.test', name: 'Otto Admin', role: 'ADMIN' },
  { email: 'editor@other.twinspect.test', name: 'Olga Editor', role: 'EDITOR' },
  { email: 'annotator@other.twinspect.test', name: 'Oscar Annotator', role: 'ANNOTATOR' },
] as const satisfies readonly SeedMember[];

export interface SeededDemo {
  demo: SeededOrganization;
  other: SeededOrganization;
  password: string;
}

/** The demo: "Demo Lab" with one user per role (two annotators), and "Other Lab". */
export async function seedDemo(
  prisma: PrismaClient,
  options: { password: string },
): Promise<SeededDemo> {
  const demo = await seedOrganization(prisma, {
    ...DEMO_ORG,
    members: [...DEMO_MEMBERS],
    password: options.password,
  });
  const other = await seedOrganization(prisma, {
    ...OTHER_ORG,
    members: [...OTHER_MEMBERS],
    password: options.password,
  });
  return { demo, other, password: options.password };
}

export function describeDemoLogins(password: string): string {
  const rows = [...DEMO_MEMBERS, ...OTHER_MEMBERS].map(
    (member) => `  ${member.role.padEnd(9)}  ${member.email}`,
  );
  return `Demo logins (password: ${password}):\n${rows.join('\n')}`;
}
