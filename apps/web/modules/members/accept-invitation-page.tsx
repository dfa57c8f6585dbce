'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { homeFor, useViewer } from '../auth/use-viewer';
import { describeError, request } from '../graphql/request';
import { Logo } from '../ui/logo';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { acceptInvitationMutation, invitationPreviewQuery } from './queries';

/** An invitee opens the link: a new account sets a name and password, an existing one confirms. */
export function AcceptInvitationPage({ token }: { token: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const viewer = useViewer();
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => request(invitationPreviewQuery, { token }),
  });
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const accept = useMutation({
    mutationFn: () =>
      request(acceptInvitationMutation, {
        input: { token, ...(name ? { name } : {}), ...(password ? { password } : {}) },
      }),
    onSuccess: (data) => {
      queryClient.clear();
      router.replace(homeFor(data.acceptInvitation.membership.role));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate();
  };
  const invitation = preview.data?.invitation;
  const signedInAsInvitee =
    viewer.data?.user.email.toLowerCase() === invitation?.email.toLowerCase();
  return (
    <main className="page page--auth">
      <div className="auth-card">
        <div className="auth-card__brand">
          <Logo /> Twinspect
        </div>
        {preview.isPending ? (
          <LoadingState rows={3} />
        ) : preview.isError ? (
          <ErrorState error={preview.error} />
        ) : !invitation ? (
          <EmptyState title="This invitation is not valid">
            It may have expired, been revoked or already been used. Ask the team admin for a new
            link.
          </EmptyState>
        ) : (
          <form onSubmit={submit}>
            <h1>Join {invitation.organizationName}</h1>
            <p className="muted">
              {invitation.invitedByName} invited <strong>{invitation.email}</strong> as{' '}
              {invitation.role.toLowerCase()}.
            </p>
            {!invitation.accountExists && (
              <label className="field">
                <span>Your name</span>
                <input
                  type="text"
                  required
                  value={name}
                  onChange={(event) => setName(event.target.value)}
                />
              </label>
            )}
            {!signedInAsInvitee && (
              <label className="field">
                <span>
                  {invitation.accountExists
                    ? 'Your password'
                    : 'Choose a password (10+ characters)'}
                </span>
                <input
                  type="password"
                  required
                  minLength={invitation.accountExists ? undefined : 10}
                  autoComplete={invitation.accountExists ? 'current-password' : 'new-password'}
                  value={password}
                  onChange={(event) => setPassword(event.target.value)}
                />
              </label>
            )}
            {accept.isError && (
              <p className="form-error" role="alert">
                {describeError(accept.error)}
              </p>
            )}
            <button
              type="submit"
              className="btn btn--primary btn--block"
              disabled={accept.isPending}
            >
              {accept.isPending ? 'Joining…' : `Join ${invitation.organizationName}`}
            </button>
          </form>
        )}
      </div>
    </main>
  );
}
