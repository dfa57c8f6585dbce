'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Role } from '../graphql/generated/graphql';
import { describeError, request } from '../graphql/request';
import { inviteMemberMutation } from './queries';

/** Creates an invitation and shows its link once: Twinspect sends no email, the admin passes it on. */
export function InviteForm() {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('ANNOTATOR');
  const [copied, setCopied] = useState(false);
  const queryClient = useQueryClient();
  const invite = useMutation({
    mutationFn: () => request(inviteMemberMutation, { input: { email: email.trim(), role } }),
    onSuccess: () => {
      setEmail('');
      setCopied(false);
      void queryClient.invalidateQueries({ queryKey: ['members'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate();
  };
  const link = invite.data?.inviteMember.acceptUrl;
  return (
    <form className="card" onSubmit={submit} aria-labelledby="invite-title">
      <h2 id="invite-title">Invite a member</h2>
      <div className="form-row">
        <label className="field" style={{ flex: 1, minWidth: 220 }}>
          <span>Email</span>
          <input
            type="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label className="field">
          <span>Role</span>
          {/* Named explicitly: a select inside its label would take its options' text into its name. */}
          <select
            aria-label="Role"
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
          >
            <option value="ANNOTATOR">Annotator — labels pairs</option>
            <option value="EDITOR">Editor — uploads, triages, decides</option>
            <option value="ADMIN">Admin — everything</option>
          </select>
        </label>
        <div className="field">
          <button type="submit" className="btn btn--primary" disabled={invite.isPending}>
            {invite.isPending ? 'Inviting…' : 'Create invitation'}
          </button>
        </div>
      </div>
      {invite.isError && (
        <p className="form-error" role="alert">
          {describeError(invite.error)}
        </p>
      )}
      {link && (
        <div className="notice" role="status">
          <p style={{ margin: '0 0 6px' }}>
            Invitation for <strong>{invite.data?.inviteMember.invitation.email}</strong> created.
            Send them this link (shown once):
          </p>
          <div className="toolbar">
            <input
              type="text"
              readOnly
              value={link}
              aria-label="Invitation link"
              style={{ flex: 1 }}
              onFocus={(e) => e.target.select()}
            />
            <button
              type="button"
              className="btn btn--small"
              onClick={() => {
                void navigator.clipboard?.writeText(link).then(() => setCopied(true));
              }}
            >
              {copied ? 'Copied' : 'Copy'}
            </button>
          </div>
        </div>
      )}
    </form>
  );
}
