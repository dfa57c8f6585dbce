import { RoleGate } from '@/modules/auth/role-gate';
import { PairPage } from '@/modules/pairs/pair-page';

export default async function Page({ params }: { params: Promise<{ pairId: string }> }) {
  const { pairId } = await params;
  return (
    <RoleGate minRole="EDITOR">
      <PairPage pairId={pairId} />
    </RoleGate>
  );
}
