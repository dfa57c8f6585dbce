import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ZodError } from 'zod';

// Typed errors with codes, mapped to GraphQL `extensions.code` in one place (formatError below).
// Use cases throw these; anything else that escapes becomes INTERNAL_SERVER_ERROR with no detail.

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const unauthenticated = (message = 'You must be signed in') =>
  new AppError('UNAUTHENTICATED', message);
export const forbidden = (message = 'Your role does not allow this') =>
  new AppError('FORBIDDEN', message);
/** Also used for other organizations' objects: their existence is not revealed. */
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const badInput = (message: string, details?: Record<string, unknown>) =>
  new AppError('BAD_USER_INPUT', message, details);
export const conflict = (message: string) => new AppError('CONFLICT', message);

/** Codes Apollo itself produces for requests it rejects before resolvers run; passed through. */
const APOLLO_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

interface PrismaLikeError {
  code: string;
  name: string;
}

function isPrismaKnownError(error: unknown): error is PrismaLikeError {
  return (
    error instanceof Error &&
    error.name === 'PrismaClientKnownRequestError' &&
    typeof (error as Partial<PrismaLikeError>).code === 'string'
  );
}

/**
 * PostgreSQL refused a value the client sent (not a UUID, a NUL byte in text, out of range):
 * the client's mistake, not the server's. Prisma reports them as P2007 or passes the SQLSTATE on.
 */
const INVALID_VALUE_STATES = new Set(['22P02', '22021', '22001', '22003', '22007', '22008']);
function isRefusedValue(error: PrismaLikeError): boolean {
  if (error.code === 'P2007') return true;
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } })
    .meta;
  const state = meta?.driverAdapterError?.cause?.originalCode;
  return (
    (state !== undefined && INVALID_VALUE_STATES.has(state)) ||
    /Code: `(22P02|22021|22001|22003|22007|22008)`/.test((error as unknown as Error).message)
  );
}

function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return badInput('Invalid input', {
      issues: error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    });
  }
  if (isPrismaKnownError(error)) {
    // Unique constraints are how the database refuses double work.
    if (error.code === 'P2002') return conflict('This already exists');
    if (error.code === 'P2025') return notFound('Object');
    if (isRefusedValue(error)) return badInput('Invalid input: a value was refused');
  }
  return undefined;
}

/** Apollo's formatError: coded errors pass, everything else is masked and logged. */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const appError = toAppError(original);
    if (appError) {
      return {
        message: appError.message,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: appError.code, ...appError.details },
      };
    }
    const code = formatted.extensions?.code;
    // Apollo's own refusals of a malformed request (e.g. a persisted-query hash that does not
    // match) carry an HTTP 4xx but no code: they are the client's, said as BAD_REQUEST.
    const status = (original as { extensions?: { http?: { status?: number } } } | null)?.extensions
      ?.http?.status;
    if (
      typeof status === 'number' &&
      status >= 400 &&
      status < 500 &&
      !APOLLO_CODES.has(String(code))
    ) {
      return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
    }
    if (typeof code === 'string' && APOLLO_CODES.has(code)) {
      return {
        message: formatted.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: { code },
      };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error in GraphQL request');
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
