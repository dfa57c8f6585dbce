import type { Membership, Organization } from '@twinspect/prisma';

// Parent types for GraphQL objects that are not one Prisma row (see codegen.ts mappers).

/** Member: a membership row; its user is resolved by a loader. */
export type MemberParent = Membership;

/** Membership of the viewer: the row with its organization. */
export interface MembershipParent {
  id: string;
  role: Membership['role'];
  organization: Organization;
}
