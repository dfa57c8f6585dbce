// @twinspect/api: build the API in-process (tests, e2e) with buildApi({ config }).
export { type Api, type BuildApiOptions, buildApi } from './app.ts';
export type { Actor, GraphQLContext, Viewer } from './context.ts';
export { ORG_HEADER } from './context.ts';
export { createLogger } from './logger.ts';
export { SESSION_COOKIE } from './modules/auth/session-cookie.ts';
