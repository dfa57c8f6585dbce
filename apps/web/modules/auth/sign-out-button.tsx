'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { request } from '../graphql/request';
import { logoutMutation } from './queries';

export function SignOutButton() {
  const queryClient = useQueryClient();
  const router = useRouter();
  const logout = useMutation({
    mutationFn: () => request(logoutMutation),
    onSettled: () => {
      queryClient.clear();
      router.replace('/login');
    },
  });
  return (
    <button
      type="button"
      className="btn btn--ghost"
      onClick={() => logout.mutate()}
      disabled={logout.isPending}
    >
      Sign out
    </button>
  );
}
