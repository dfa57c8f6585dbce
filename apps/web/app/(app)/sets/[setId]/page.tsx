import { RoleGate } from '@/modules/auth/role-gate';
import { SetOverviewPage } from '@/modules/image-sets/set-overview-page';

export default async function Page({ params }: { params: Promise<{ setId: string }> }) {
  const { setId } = await params;
  return (
    <RoleGate minRole="EDITOR">
      <SetOverviewPage setId={setId} />
    </RoleGate>
  );
}
