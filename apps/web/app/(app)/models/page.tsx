import type { Metadata } from 'next';
import { RoleGate } from '@/modules/auth/role-gate';
import { ModelsPage } from '@/modules/models/models-page';

export const metadata: Metadata = { title: 'Models' };

export default function Page() {
  return (
    <RoleGate minRole="ADMIN">
      <ModelsPage />
    </RoleGate>
  );
}
