import type { Metadata } from 'next';
import { RoleGate } from '@/modules/auth/role-gate';
import { ImageSetsPage } from '@/modules/image-sets/image-sets-page';

export const metadata: Metadata = { title: 'Image sets' };

export default function Page() {
  return (
    <RoleGate minRole="EDITOR">
      <ImageSetsPage />
    </RoleGate>
  );
}
