'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter, useSearchParams } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { describeError, errorCode, request } from '../graphql/request';
import { Logo } from '../ui/logo';
import { loginMutation } from './queries';
import { homeFor } from './use-viewer';

/** Only same-site paths are followed after sign-in, so ?next= cannot send anyone elsewhere. */
const safeNext = (next: string | null) =>
  next?.startsWith('/') && !next.startsWith('//') ? next : null;

export function LoginForm() {
  const router = useRouter();
  const params = useSearchParams();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => request(loginMutation, { input: { email, password } }),
    onSuccess: async (data) => {
      queryClient.clear();
      router.replace(safeNext(params.get('next')) ?? homeFor(data.login.viewer.role));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };

  return (
    <form className="auth-card" onSubmit={submit} aria-labelledby="sign-in-title">
      <div className="auth-card__brand">
        <Logo /> Twinspect
      </div>
      <h1 id="sign-in-title">Sign in</h1>
      <p className="muted">Review reused and doctored images with your team.</p>
      <label className="field">
        <span>Email</span>
        <input
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </label>
      <label className="field">
        <span>Password</span>
        <input
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </label>
      {login.isError && (
        <p className="form-error" role="alert">
          {errorCode(login.error) === 'UNAUTHENTICATED'
            ? 'Wrong email or password.'
            : errorCode(login.error) === 'RATE_LIMITED'
              ? login.error.message
              : describeError(login.error)}
        </p>
      )}
      <button type="submit" className="btn btn--primary btn--block" disabled={login.isPending}>
        {login.isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
