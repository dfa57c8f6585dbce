-- The triage queue's count (capped at 1,000, apps/api/src/modules/pairs/list-pairs.ts) is an anti
-- join with the caller's annotations in pair id order. Without this index PostgreSQL walks the
-- primary key across every organization's pairs and filters; with it, only the caller's
-- organization and status.

-- CreateIndex
CREATE INDEX "Pair_orgId_status_id_idx" ON "Pair"("orgId", "status", "id");
