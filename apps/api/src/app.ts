import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerOptions } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { type Config, trustedOrigins } from '@twinspect/config';
import { createPrismaClient, type PrismaClient } from '@twinspect/prisma';
import cors from 'cors';
import express from 'express';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { type ApiDeps, createContext, type GraphQLContext, ORG_HEADER } from './context.ts';
import { createFormatError } from './errors.ts';
import { jsonErrors } from './http/json-errors.ts';
import { originCheck } from './http/origin-check.ts';
import { requestLog } from './http/request-log.ts';
import { type ApiJobs, createApiJobs } from './jobs.ts';
import { aliasLimitRule, complexityLimitPlugin, depthLimitRule } from './limits.ts';
import { createLogger } from './logger.ts';
import { createLoginRateLimiter } from './modules/auth/login-rate-limiter.ts';
import { serveImageFile } from './modules/images/serve-image-file.ts';
import { uploadFiles } from './modules/uploads/upload-files.ts';
import { loadTypeDefs, moduleResolvers } from './schema.ts';

export interface BuildApiOptions {
  config: Config;
  /** Defaults to a new client on config.DATABASE_URL (closed by stop()). */
  prisma?: PrismaClient;
  logger?: Logger;
  /** Shared login rate-limit counters; without it they are per process (fine for tests). */
  redis?: Redis;
  /** Queue producers; defaults to new ones on config.REDIS_URL (closed by stop()). */
  jobs?: ApiJobs;
}

export interface Api {
  app: express.Express;
  deps: ApiDeps;
  /** Starts listening; port 0 picks a free port. Returns the base URL (http://host:port). */
  listen(port?: number, host?: string): Promise<string>;
  /** Drains in-flight requests, stops Apollo, and closes the client it created. */
  stop(): Promise<void>;
}

/** Builds the API (express app + Apollo Server) for a config. Used by main.ts, tests and e2e. */
export async function buildApi(options: BuildApiOptions): Promise<Api> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config);
  const ownsPrisma = !options.prisma;
  const prisma = options.prisma ?? createPrismaClient(config.DATABASE_URL);
  const jobs = options.jobs ?? createApiJobs(config);
  const deps: ApiDeps = {
    config,
    prisma,
    logger,
    jobs,
    loginRateLimiter: createLoginRateLimiter({
      max: config.LOGIN_RATE_LIMIT_MAX,
      windowSeconds: config.LOGIN_RATE_LIMIT_WINDOW_SECONDS,
      ...(options.redis ? { redis: options.redis } : {}),
    }),
  };

  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);

  const apollo = new ApolloServer<GraphQLContext>({
    typeDefs: loadTypeDefs(),
    resolvers: moduleResolvers as ApolloServerOptions<GraphQLContext>['resolvers'],
    formatError: createFormatError(logger),
    includeStacktraceInErrorResponses: false,
    introspection: config.NODE_ENV !== 'production',
    allowBatchedHttpRequests: false,
    // main.ts owns SIGTERM/SIGINT: it drains, closes the database and Redis, then exits.
    stopOnTerminationSignals: false,
    csrfPrevention: {
      requestHeaders: ['x-twinspect-csrf', 'apollo-require-preflight', 'x-apollo-operation-name'],
    },
    validationRules: [
      depthLimitRule(config.GRAPHQL_MAX_DEPTH),
      aliasLimitRule(config.GRAPHQL_MAX_ALIASES),
    ],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      complexityLimitPlugin(config.GRAPHQL_MAX_COMPLEXITY),
    ],
  });
  await apollo.start();

  app.use(requestLog(logger));
  app.get('/healthz', async (_req, res) => {
    try {
      await prisma.$queryRaw`SELECT 1`;
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });
  app.get('/api/images/:imageId/:rendition', serveImageFile({ config, prisma }));
  app.post('/api/image-sets/:setId/uploads', originCheck(config), uploadFiles(deps));
  app.use(
    '/graphql',
    cors({
      origin: trustedOrigins(config),
      credentials: true,
      allowedHeaders: [
        'content-type',
        'authorization',
        'x-twinspect-csrf',
        'apollo-require-preflight',
        ORG_HEADER,
      ],
    }),
    originCheck(config),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: ({ req, res }) => createContext(deps, req, res) }),
  );
  app.use(jsonErrors(logger));

  return {
    app,
    deps,
    listen: (port = config.API_PORT, host = config.API_HOST) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address() as AddressInfo;
          const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
          resolve(`http://${shownHost}:${address.port}`);
        });
      }),
    stop: async () => {
      await apollo.stop();
      if (httpServer.listening)
        await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      if (ownsPrisma) await prisma.$disconnect();
      if (!options.jobs) await jobs.close();
    },
  };
}
