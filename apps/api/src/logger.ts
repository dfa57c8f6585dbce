import type { Config } from '@twinspect/config';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Paths pino blanks before a line is written: credentials must never reach a log, whatever object
 * someone logs. Headers carry cookies and bearer tokens; inputs carry passwords and tokens.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'passwordHash',
  'tokenHash',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.passwordHash',
  '*.tokenHash',
  '*.*.password',
  '*.*.newPassword',
  '*.*.currentPassword',
  '*.*.token',
  'variables',
  '*.variables',
];

export function createLogger(config: Config, destination?: DestinationStream): Logger {
  const options = {
    level: config.LOG_LEVEL,
    base: { service: 'api' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
