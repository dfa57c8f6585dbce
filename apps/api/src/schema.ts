import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Resolvers } from './generated/graphql.ts';
import { annotationsResolvers } from './modules/annotations/annotations.resolvers.ts';
import { auditResolvers } from './modules/audit/audit.resolvers.ts';
import { authResolvers } from './modules/auth/auth.resolvers.ts';
import { commonResolvers } from './modules/common/common.resolvers.ts';
import { decisionsResolvers } from './modules/decisions/decisions.resolvers.ts';
import { imageSetsResolvers } from './modules/image-sets/image-sets.resolvers.ts';
import { imagesResolvers } from './modules/images/images.resolvers.ts';
import { modelVersionsResolvers } from './modules/model-versions/model-versions.resolvers.ts';
import { organizationsResolvers } from './modules/organizations/organizations.resolvers.ts';
import { pairsResolvers } from './modules/pairs/pairs.resolvers.ts';
import { trainingRunsResolvers } from './modules/training-runs/training-runs.resolvers.ts';

// The schema is the SDL of every domain module (src/modules/<domain>/<domain>.graphql) plus the
// resolvers each module exports. A new module adds its .graphql file (picked up here and by
// codegen) and its resolvers to this list.

const modulesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'modules');

export function loadTypeDefs(): string[] {
  return readdirSync(modulesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .flatMap((domain) =>
      readdirSync(path.join(modulesDir, domain))
        .filter((file) => file.endsWith('.graphql'))
        .sort()
        .map((file) => readFileSync(path.join(modulesDir, domain, file), 'utf8')),
    );
}

export const moduleResolvers: Resolvers[] = [
  commonResolvers,
  authResolvers,
  organizationsResolvers,
  imageSetsResolvers,
  imagesResolvers,
  pairsResolvers,
  annotationsResolvers,
  decisionsResolvers,
  modelVersionsResolvers,
  trainingRunsResolvers,
  auditResolvers,
];
