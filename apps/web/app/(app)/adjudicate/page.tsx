import type { Metadata } from 'next';
import { RoleGate } from '@/modules/auth/role-gate';
import { AdjudicatePage } from '@/modules/consensus/adjudicate-page';

export const metadata: Metadata = { title: 'Adjudicate' };

export default function Page() {
  return (
    <RoleGate minRole="EDITOR">
      <AdjudicatePage />
    </RoleGate>
  );
}
