// Starts the GraphQL API: `npm start -w @twinspect/api` (listens on API_PORT, default 4000).
import { loadConfig } from '@twinspect/config';
import { getPrisma } from '@twinspect/prisma';
import { Redis } from 'ioredis';
import { buildApi } from './app.ts';
import { createLogger } from './logger.ts';

const config = loadConfig();
const logger = createLogger(config);
const prisma = getPrisma();
const redis = new Redis(config.REDIS_URL, {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  lazyConnect: true,
});
redis.on('error', (error) =>
  logger.warn({ err: error.message }, 'redis unavailable: login rate limits fall back to memory'),
);
await redis.connect().catch(() => {});

const api = await buildApi({ config, prisma, logger, redis });
const url = await api.listen();
logger.info({ url: `${url}/graphql` }, 'Twinspect API ready');

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'draining requests');
  await api.stop();
  await prisma.$disconnect();
  redis.disconnect();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
