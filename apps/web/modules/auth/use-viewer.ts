'use client';

import { useQuery } from '@tanstack/react-query';
import type { Role } from '../graphql/generated/graphql';
import { request } from '../graphql/request';
import { viewerQuery } from './queries';

export const VIEWER_KEY = ['viewer'] as const;

export function useViewer() {
  return useQuery({
    queryKey: VIEWER_KEY,
    queryFn: async () => (await request(viewerQuery)).viewer,
    staleTime: 60_000,
  });
}

const RANK: Record<Role, number> = { ANNOTATOR: 1, EDITOR: 2, ADMIN: 3 };

/** Whether `role` is at least `required` (ADMIN > EDITOR > ANNOTATOR), as the API checks it. */
export const hasRole = (role: Role | null | undefined, required: Role) =>
  role != null && RANK[role] >= RANK[required];

/** Where a member lands after signing in: annotators label, everyone else triages. */
export const homeFor = (role: Role | null | undefined) =>
  role === 'ANNOTATOR' ? '/annotate' : '/sets';
