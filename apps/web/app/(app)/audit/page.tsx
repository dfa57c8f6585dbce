import type { Metadata } from 'next';
import { AuditLogPage } from '@/modules/audit/audit-log-page';
import { RoleGate } from '@/modules/auth/role-gate';

export const metadata: Metadata = { title: 'Audit log' };

export default function Page() {
  return (
    <RoleGate minRole="ADMIN">
      <AuditLogPage />
    </RoleGate>
  );
}
