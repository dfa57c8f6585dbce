import path from 'node:path';
import { readManifest } from '@twinspect/inference';
import type { PrismaClient } from '@twinspect/prisma';

/**
 * Registers a shipped model folder as a platform model version (orgId null), once, and makes it
 * the active platform model when none is active. Called by the workers at start-up and by the
 * demo seed, so a fresh install scores with the model in models/ without any admin step.
 * A version already registered under the folder's name gets the folder's manifest again: a
 * recalibration rewrites manifest.json (thresholds, metrics) without renaming the version, and the
 * API must show what the workers, which read the folder, flag by.
 */
export async function registerModelVersion(
  prisma: PrismaClient,
  options: { modelDir: string; repoRoot: string; activate?: boolean },
) {
  const manifest = await readManifest(options.modelDir);
  const artifactDir = path.relative(options.repoRoot, path.resolve(options.modelDir));
  const name = manifest.version;
  return prisma.$transaction(async (tx) => {
    // Several workers start at once: serialize registration (orgId null escapes the unique key).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('twinspect.register-model-version'))`;
    const stored = {
      artifactDir,
      manifest: JSON.parse(JSON.stringify(manifest)),
      metrics: JSON.parse(JSON.stringify(manifest.metrics ?? {})),
      threshold: manifest.threshold,
    };
    const existing = await tx.modelVersion.findFirst({ where: { orgId: null, name } });
    let version = existing
      ? await tx.modelVersion.update({ where: { id: existing.id }, data: stored })
      : await tx.modelVersion.create({ data: { orgId: null, name, ...stored } });
    if ((options.activate ?? true) && !version.active) {
      const active = await tx.modelVersion.findFirst({ where: { orgId: null, active: true } });
      if (!active) {
        version = await tx.modelVersion.update({
          where: { id: version.id },
          data: { active: true, status: 'ACTIVE', activatedAt: new Date() },
        });
      }
    }
    return version;
  });
}
