import type { Metadata } from 'next';
import { Suspense } from 'react';
import { RoleGate } from '@/modules/auth/role-gate';
import { TriageQueuePage } from '@/modules/queue/triage-queue-page';

export const metadata: Metadata = { title: 'Triage queue' };

export default function Page() {
  return (
    <RoleGate minRole="EDITOR">
      <Suspense>
        <TriageQueuePage />
      </Suspense>
    </RoleGate>
  );
}
