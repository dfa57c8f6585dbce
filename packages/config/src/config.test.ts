import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  CONFIG_KEYS,
  ConfigError,
  cookieSecure,
  parseConfig,
  repoRoot,
  trustedOrigins,
} from './index.ts';

const DB = 'postgresql://postgres@127.0.0.1:5432/twinspect';

describe('parseConfig', () => {
  it('applies defaults', () => {
    const config = parseConfig({ DATABASE_URL: DB });
    expect(config.API_PORT).toBe(4000);
    expect(config.STORAGE_DRIVER).toBe('local');
    expect(cookieSecure(config)).toBe(false);
    expect(trustedOrigins(config)).toContain('http://localhost:3000');
  });

  it('names a missing variable', () => {
    expect(() => parseConfig({})).toThrow(ConfigError);
    expect(() => parseConfig({})).toThrow(/DATABASE_URL is missing/);
  });

  it('names every bad variable', () => {
    try {
      parseConfig({ DATABASE_URL: 'mysql://x', API_PORT: 'eighty', COOKIE_SECURE: 'maybe' });
      expect.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/DATABASE_URL is invalid: must be a postgresql:\/\/ URL/);
      expect(message).toMatch(/API_PORT is invalid/);
      expect(message).toMatch(/COOKIE_SECURE is invalid/);
    }
  });

  it('demands a real signing secret in production', () => {
    expect(() => parseConfig({ DATABASE_URL: DB, NODE_ENV: 'production' })).toThrow(
      /SIGNING_SECRET/,
    );
    const config = parseConfig({
      DATABASE_URL: DB,
      NODE_ENV: 'production',
      SIGNING_SECRET: 'x'.repeat(40),
    });
    expect(cookieSecure(config)).toBe(true);
  });

  it('has every variable documented in .env.example, and the example parses', () => {
    const example = parseEnv(readFileSync(path.join(repoRoot, '.env.example'), 'utf8'));
    const missing = CONFIG_KEYS.filter((key) => !(key in example));
    expect(missing, 'add these to .env.example').toEqual([]);
    expect(() => parseConfig(example)).not.toThrow();
  });
});
