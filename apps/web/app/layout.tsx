import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { QueryProvider } from '@/modules/graphql/query-provider';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Twinspect', template: '%s · Twinspect' },
  description: 'Find reused and doctored microscopy images.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <QueryProvider>{children}</QueryProvider>
      </body>
    </html>
  );
}
