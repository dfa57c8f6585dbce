import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoginForm } from '@/modules/auth/login-form';

export const metadata: Metadata = { title: 'Sign in' };

export default function LoginPage() {
  return (
    <main className="page page--auth">
      <Suspense>
        <LoginForm />
      </Suspense>
    </main>
  );
}
