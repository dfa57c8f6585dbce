import type { ReactNode } from 'react';
import { RequireViewer } from '@/modules/auth/require-viewer';
import { AppShell } from '@/modules/layout/app-shell';

export default function SignedInLayout({ children }: { children: ReactNode }) {
  return (
    <RequireViewer>
      <AppShell>{children}</AppShell>
    </RequireViewer>
  );
}
