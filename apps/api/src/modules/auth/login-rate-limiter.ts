import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../../errors.ts';

/**
 * Login attempts are limited per (email, IP) and, more loosely, per IP, so neither one account
 * nor the whole user list can be guessed at speed. Counters live in Redis so every API process
 * shares them; without Redis (tests, CLI) they live in memory. A successful login clears the
 * (email, IP) counter.
 */
export interface LoginRateLimiter {
  consume(email: string, ip: string | null): Promise<void>;
  reset(email: string, ip: string | null): Promise<void>;
}

export function createLoginRateLimiter(options: {
  max: number;
  windowSeconds: number;
  redis?: Redis;
  keyPrefix?: string;
}): LoginRateLimiter {
  const make = (points: number, prefix: string) => {
    const base = {
      points,
      duration: options.windowSeconds,
      keyPrefix: `${options.keyPrefix ?? 'twinspect'}:${prefix}`,
    };
    return options.redis
      ? new RateLimiterRedis({
          ...base,
          storeClient: options.redis,
          useRedisPackage: false,
          insuranceLimiter: new RateLimiterMemory(base),
        })
      : new RateLimiterMemory(base);
  };
  const perAccount = make(options.max, 'login:account');
  const perIp = make(options.max * 10, 'login:ip');
  const accountKey = (email: string, ip: string | null) => `${email.toLowerCase()}|${ip ?? '-'}`;

  return {
    async consume(email, ip) {
      try {
        await Promise.all([perAccount.consume(accountKey(email, ip)), perIp.consume(ip ?? '-')]);
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          const seconds = Math.ceil(error.msBeforeNext / 1000);
          throw new AppError(
            'RATE_LIMITED',
            `Too many sign-in attempts; try again in ${seconds} s`,
            {
              retryAfterSeconds: seconds,
            },
          );
        }
        throw error;
      }
    },
    async reset(email, ip) {
      await perAccount.delete(accountKey(email, ip));
    },
  };
}
