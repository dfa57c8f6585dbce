'use client';

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { errorCode } from './request';

/** Sends the browser to sign-in when the API says the session has ended, from any query. */
function onAuthError(error: unknown) {
  if (errorCode(error) !== 'UNAUTHENTICATED' || typeof window === 'undefined') return;
  if (
    window.location.pathname.startsWith('/login') ||
    window.location.pathname.startsWith('/invite')
  )
    return;
  const next = encodeURIComponent(window.location.pathname + window.location.search);
  window.location.assign(`/login?next=${next}`);
}

export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        queryCache: new QueryCache({ onError: onAuthError }),
        mutationCache: new MutationCache({ onError: onAuthError }),
        defaultOptions: {
          queries: {
            staleTime: 10_000,
            refetchOnWindowFocus: false,
            // Retrying cannot fix a refusal or a missing object; it can fix a dropped connection.
            retry: (count, error) => {
              const code = errorCode(error);
              return count < 2 && (code === 'NETWORK' || code === 'INTERNAL_SERVER_ERROR');
            },
          },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
