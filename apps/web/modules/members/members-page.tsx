'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useViewer } from '../auth/use-viewer';
import type { Role } from '../graphql/generated/graphql';
import { describeError, request } from '../graphql/request';
import { PageHeader } from '../layout/page-header';
import { Badge } from '../ui/badge';
import { formatDateTime } from '../ui/format';
import { ErrorState, LoadingState } from '../ui/states';
import { TableCard } from '../ui/table-card';
import { InviteForm } from './invite-form';
import {
  changeMemberRoleMutation,
  membersQuery,
  removeMemberMutation,
  revokeInvitationMutation,
} from './queries';
import { FlagSensitivity, TeamSettings } from './team-settings';

const ROLES: Role[] = ['ADMIN', 'EDITOR', 'ANNOTATOR'];

export function MembersPage() {
  const queryClient = useQueryClient();
  const { data: viewer } = useViewer();
  const members = useQuery({ queryKey: ['members'], queryFn: () => request(membersQuery) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['members'] });
  const changeRole = useMutation({
    mutationFn: (input: { memberId: string; role: Role }) =>
      request(changeMemberRoleMutation, { input }),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (memberId: string) => request(removeMemberMutation, { input: { memberId } }),
    onSettled: refresh,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => request(revokeInvitationMutation, { input: { id } }),
    onSettled: refresh,
  });
  const error = changeRole.error ?? remove.error ?? revoke.error;
  const org = members.data?.organization;
  const openInvitations = org?.invitations.filter((inv) => !inv.acceptedAt && !inv.revokedAt) ?? [];

  return (
    <div className="page">
      <PageHeader
        title="Members and roles"
        subtitle={org ? `${org.name} · ${org.members.length} members` : undefined}
      />
      <InviteForm />
      {org && (
        <TeamSettings key={org.annotationsRequired} annotationsRequired={org.annotationsRequired} />
      )}
      {org && (
        <FlagSensitivity
          key={org.flagPrevalence ?? 'model'}
          flagPrevalence={org.flagPrevalence ?? null}
          model={members.data?.activeModelVersion ?? null}
        />
      )}
      {error && (
        <p className="form-error" role="alert">
          {describeError(error)}
        </p>
      )}
      {members.isPending ? (
        <LoadingState label="Loading members" />
      ) : members.isError || !org ? (
        <ErrorState error={members.error} onRetry={() => members.refetch()} />
      ) : (
        <>
          <TableCard title="Members">
            <table className="table">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Email</th>
                  <th>Role</th>
                  <th>Since</th>
                  <th>
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {org.members.map((member) => {
                  const isSelf = member.user.id === viewer?.user.id;
                  return (
                    <tr key={member.id}>
                      <td>
                        {member.user.name}
                        {isSelf && <span className="muted"> (you)</span>}
                      </td>
                      <td className="muted">{member.user.email}</td>
                      <td>
                        <select
                          aria-label={`Role of ${member.user.name}`}
                          value={member.role}
                          disabled={changeRole.isPending}
                          onChange={(event) =>
                            changeRole.mutate({
                              memberId: member.id,
                              role: event.target.value as Role,
                            })
                          }
                        >
                          {ROLES.map((role) => (
                            <option key={role} value={role}>
                              {role.toLowerCase()}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td className="muted">{formatDateTime(member.createdAt)}</td>
                      <td>
                        {!isSelf && (
                          <button
                            type="button"
                            className="btn btn--small btn--ghost"
                            disabled={remove.isPending}
                            onClick={() => {
                              if (window.confirm(`Remove ${member.user.name} from ${org.name}?`))
                                remove.mutate(member.id);
                            }}
                          >
                            Remove
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableCard>
          <TableCard title="Open invitations">
            {openInvitations.length === 0 ? (
              <p className="muted">No open invitations.</p>
            ) : (
              <table className="table">
                <tbody>
                  {openInvitations.map((invitation) => (
                    <tr key={invitation.id}>
                      <td>{invitation.email}</td>
                      <td>
                        <Badge value={invitation.role} />
                      </td>
                      <td className="muted">
                        by {invitation.invitedBy.name} · expires{' '}
                        {formatDateTime(invitation.expiresAt)}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="btn btn--small btn--ghost"
                          onClick={() => revoke.mutate(invitation.id)}
                        >
                          Revoke
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </TableCard>
        </>
      )}
    </div>
  );
}
