import type { Metadata } from 'next';
import { RoleGate } from '@/modules/auth/role-gate';
import { MembersPage } from '@/modules/members/members-page';

export const metadata: Metadata = { title: 'Members' };

export default function Page() {
  return (
    <RoleGate minRole="ADMIN">
      <MembersPage />
    </RoleGate>
  );
}
