import type { Prisma, PrismaTx } from '@twinspect/prisma';
import type { Actor } from '../../context.ts';

export interface AuditEntry {
  /** dotted verb: member.invite, decision.record, model.activate, ... */
  action: string;
  targetType: string;
  targetId?: string | null;
  data?: Prisma.InputJsonObject;
}

/** Who did it, for actions done before an Actor exists (login, accepting an invitation). */
export interface AuditSubject {
  userId: string;
  email: string;
  orgId: string | null;
  apiTokenId?: string | null;
  ip: string | null;
}

/** Appends to the audit log inside the caller's transaction, so the two commit together. */
export async function recordAuditEntry(tx: PrismaTx, who: Actor | AuditSubject, entry: AuditEntry) {
  await tx.auditLog.create({
    data: {
      orgId: who.orgId,
      actorId: who.userId,
      actorEmail: who.email,
      apiTokenId: who.apiTokenId ?? null,
      ip: who.ip,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      data: entry.data ?? {},
    },
  });
}
