'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Role } from '../graphql/generated/graphql';
import { EmptyState } from '../ui/states';
import { hasRole, homeFor, useViewer } from './use-viewer';

/**
 * Shows a page only to members with at least `role`. The API enforces the same rule on every
 * operation; this gate spares the others a page full of refusals.
 */
export function RoleGate({ minRole: role, children }: { minRole: Role; children: ReactNode }) {
  const { data: viewer } = useViewer();
  if (!hasRole(viewer?.role, role)) {
    return (
      <div className="page">
        <EmptyState
          title="This page is not available to your role"
          action={
            <Link className="btn" href={homeFor(viewer?.role)}>
              Go to your start page
            </Link>
          }
        >
          It needs the {role.toLowerCase()} role in{' '}
          {viewer?.activeOrganization?.name ?? 'this team'}. Ask a team admin if you need it.
        </EmptyState>
      </div>
    );
  }
  return children;
}
