'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { LoadingState } from '../ui/states';
import { homeFor, useViewer } from './use-viewer';

/** `/` sends each member to where their role starts the day. */
export function HomeRedirect() {
  const { data: viewer } = useViewer();
  const router = useRouter();
  useEffect(() => {
    if (viewer) router.replace(homeFor(viewer.role));
  }, [viewer, router]);
  return <LoadingState rows={2} />;
}
