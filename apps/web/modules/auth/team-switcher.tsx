'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { request } from '../graphql/request';
import { switchOrganizationMutation } from './queries';
import { homeFor, useViewer } from './use-viewer';

/** Switches the session's active team; every cached query belonged to the old one. */
export function TeamSwitcher() {
  const { data: viewer } = useViewer();
  const queryClient = useQueryClient();
  const router = useRouter();
  const switchTeam = useMutation({
    mutationFn: (organizationId: string) =>
      request(switchOrganizationMutation, { input: { organizationId } }),
    onSuccess: (data) => {
      queryClient.clear();
      router.push(homeFor(data.switchOrganization.viewer.role));
    },
  });
  if (!viewer) return null;
  const active = viewer.activeOrganization?.id ?? '';
  return (
    <label className="team-switcher">
      <span className="visually-hidden">Team</span>
      <select
        aria-label="Team"
        value={active}
        disabled={switchTeam.isPending || viewer.memberships.length < 2}
        onChange={(event) => switchTeam.mutate(event.target.value)}
      >
        {viewer.memberships.map((membership) => (
          <option key={membership.id} value={membership.organization.id}>
            {membership.organization.name} · {membership.role.toLowerCase()}
          </option>
        ))}
      </select>
    </label>
  );
}
