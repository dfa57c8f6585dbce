import type { InputSpec } from '@twinspect/inference';
import { findActiveModelVersion, type PrismaClient } from '@twinspect/prisma';

const TTL_MS = 30_000;

/**
 * The active model's input spec (size, mean, std) per organization, cached for 30 s: ingest
 * prepares each image's model input once, while it has the decoded pixels anyway.
 */
export class ModelSpecCache {
  private readonly entries = new Map<string, { at: number; spec: InputSpec | null }>();

  constructor(private readonly prisma: PrismaClient) {}

  async get(orgId: string): Promise<InputSpec | null> {
    const hit = this.entries.get(orgId);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.spec;
    const version = await findActiveModelVersion(this.prisma, orgId);
    const input = (version?.manifest as { input?: InputSpec } | null)?.input;
    const spec =
      input?.size && input.mean && input.std
        ? { size: input.size, mean: input.mean, std: input.std }
        : null;
    this.entries.set(orgId, { at: Date.now(), spec });
    return spec;
  }
}
