import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';

/**
 * The last middleware: an error that escaped a route (a body that is not JSON, one over the size
 * limit, a failing handler) is answered as a coded JSON error like GraphQL's, never with
 * Express's default HTML page, which carries the stack trace outside production.
 */
export function jsonErrors(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const status = (error as { status?: unknown }).status;
    const clientError = typeof status === 'number' && status >= 400 && status < 500;
    if (!clientError)
      logger.error({ err: error, path: req.path }, 'unexpected error in HTTP request');
    if (res.headersSent) return void res.destroy();
    const message = !clientError
      ? 'Internal server error'
      : status === 413
        ? 'Request body too large'
        : 'Malformed request';
    res.status(clientError ? status : 500).json({
      errors: [
        { message, extensions: { code: clientError ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } },
      ],
    });
  };
}
