import type { NextConfig } from 'next';

// The web app is a thin client of the GraphQL API. /graphql and /api/* are forwarded to the API
// by route handlers (app/graphql, app/api) that read API_URL at request time, so one build runs
// against any API and the session cookie stays same-origin.
const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: ['@twinspect/config'],
  serverExternalPackages: [
    'sharp',
    'onnxruntime-node',
    'bullmq',
    'ioredis',
    'pg',
    '@prisma/client',
  ],
  typedRoutes: false,
  devIndicators: false,
};

export default nextConfig;
