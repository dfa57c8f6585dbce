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
