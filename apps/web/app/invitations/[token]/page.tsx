import type { Metadata } from 'next';
import { AcceptInvitationPage } from '@/modules/members/accept-invitation-page';

export const metadata: Metadata = { title: 'Join a team' };

export default async function Page({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <AcceptInvitationPage token={token} />;
}
