// @twinspect/prisma: the one Prisma client module. Import models, enums and the client from here.
export * from './active-model-version.ts';
export * from './client.ts';
export * from './generated/client/client.ts';
export { type MigrateResult, migrate } from './migrate.ts';
export * from './verified-flags.ts';
