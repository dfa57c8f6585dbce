import type { TypedDocumentString } from './generated/graphql';

/**
 * Sent with every request. The API's CSRF check accepts cookie-authenticated mutations only when
 * this header is present: a cross-site form or a simple request cannot set a custom header.
 */
export const CSRF_HEADER = 'x-twinspect-csrf';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'NETWORK'
  | 'INTERNAL_SERVER_ERROR';

/** A failed GraphQL operation, with the API's `extensions.code` of its first error. */
export class GraphQLRequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
}

/** Executes one typed operation against the same-origin /graphql proxy (session cookie). */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        [CSRF_HEADER]: '1',
      },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
  } catch {
    throw new GraphQLRequestError(
      'NETWORK',
      'The server cannot be reached. Check your connection.',
    );
  }
  let body: GraphQLResponse<TResult>;
  try {
    body = (await response.json()) as GraphQLResponse<TResult>;
  } catch {
    throw new GraphQLRequestError(
      response.status === 401 ? 'UNAUTHENTICATED' : 'NETWORK',
      `The server answered ${response.status} ${response.statusText}`.trim(),
    );
  }
  const [first] = body.errors ?? [];
  if (first) {
    const { code, ...details } = first.extensions ?? {};
    throw new GraphQLRequestError(
      (code as ErrorCode | undefined) ?? 'INTERNAL_SERVER_ERROR',
      first.message,
      details,
    );
  }
  if (!body.data) throw new GraphQLRequestError('INTERNAL_SERVER_ERROR', 'Empty response');
  return body.data;
}

export const errorCode = (error: unknown): ErrorCode | null =>
  error instanceof GraphQLRequestError ? error.code : null;

/** A sentence for people: what went wrong and, where it helps, what to do. */
export function describeError(error: unknown): string {
  if (!(error instanceof GraphQLRequestError)) return 'Something went wrong.';
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return 'Your session has ended. Sign in again.';
    case 'FORBIDDEN':
      return 'Your role in this team does not allow this.';
    case 'NOT_FOUND':
      return 'This item does not exist, or it belongs to another team.';
    case 'INTERNAL_SERVER_ERROR':
      return 'The server hit an unexpected error. Try again in a moment.';
    default:
      return error.message;
  }
}
