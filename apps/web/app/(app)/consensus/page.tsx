import type { Metadata } from 'next';
import { RoleGate } from '@/modules/auth/role-gate';
import { AgreementPage } from '@/modules/consensus/agreement-page';

export const metadata: Metadata = { title: 'Agreement' };

export default function Page() {
  return (
    <RoleGate minRole="EDITOR">
      <AgreementPage />
    </RoleGate>
  );
}
