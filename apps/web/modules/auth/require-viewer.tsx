'use client';

import { usePathname, useRouter } from 'next/navigation';
import { type ReactNode, useEffect } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { useViewer } from './use-viewer';

/** Renders its children only for a signed-in member of a team; otherwise explains or redirects. */
export function RequireViewer({ children }: { children: ReactNode }) {
  const viewer = useViewer();
  const router = useRouter();
  const pathname = usePathname();
  const signedOut = viewer.isSuccess && viewer.data === null;

  useEffect(() => {
    if (signedOut) router.replace(`/login?next=${encodeURIComponent(pathname)}`);
  }, [signedOut, router, pathname]);

  if (viewer.isPending || signedOut) {
    return (
      <main className="page page--centered">
        <LoadingState label="Checking your session" rows={3} />
      </main>
    );
  }
  if (viewer.isError) {
    return (
      <main className="page page--centered">
        <ErrorState error={viewer.error} onRetry={() => viewer.refetch()} />
      </main>
    );
  }
  if (!viewer.data?.activeOrganization) {
    return (
      <main className="page page--centered">
        <EmptyState title="You are not in a team yet">
          Ask a team admin for an invitation link, then open it to join.
        </EmptyState>
      </main>
    );
  }
  return children;
}
