import { GraphQLError } from 'graphql';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, createFormatError } from './errors.ts';

const format = createFormatError(pino({ level: 'silent' }));
const formatted = (error: unknown) =>
  format(
    {
      message: String(error),
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at secret.ts:1'] },
    },
    error,
  );

describe('formatError', () => {
  it('passes typed errors with their code', () => {
    expect(formatted(new AppError('CONFLICT', 'Already there'))).toEqual({
      message: 'Already there',
      extensions: { code: 'CONFLICT' },
    });
  });

  it('maps zod errors to BAD_USER_INPUT with the failing paths', () => {
    const result = z.object({ name: z.string().min(3) }).safeParse({ name: 'x' });
    const output = formatted(result.error);
    expect(output.extensions?.code).toBe('BAD_USER_INPUT');
    expect(output.extensions?.issues).toEqual([{ path: 'name', message: expect.any(String) }]);
  });

  it('maps unique violations to CONFLICT', () => {
    const error = Object.assign(new Error('Unique constraint failed on User.email'), {
      name: 'PrismaClientKnownRequestError',
      code: 'P2002',
    });
    expect(formatted(error).extensions?.code).toBe('CONFLICT');
  });

  it('masks anything unexpected, with no message detail or stack', () => {
    const output = formatted(
      new GraphQLError('boom', {
        originalError: new Error('connection to 10.0.0.5 refused, password=hunter2'),
      }),
    );
    expect(output).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});
