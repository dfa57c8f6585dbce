import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import { type Config, type ConfigInput, ZConfig } from './schema.ts';

export { CONFIG_KEYS, type Config, type ConfigInput, ZConfig } from './schema.ts';

/** The repository root: relative paths in the config (STORAGE_ROOT, MODELS_DIR) resolve from here. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration (set these in the environment or in .env; see .env.example):\n${problems
        .map((problem) => `  - ${problem}`)
        .join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

/**
 * Validates a set of variables. Empty values count as unset (as `FOO=` in .env reads). Throws a
 * ConfigError that names every missing or bad variable.
 */
export function parseConfig(env: ConfigInput | NodeJS.ProcessEnv): Config {
  const set = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = ZConfig.safeParse(set);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.join('.') || '(config)';
        const value = (env as Record<string, string | undefined>)[name];
        return value === undefined
          ? `${name} is missing: ${issue.message}`
          : `${name} is invalid: ${issue.message}`;
      }),
    );
  }
  return result.data;
}

/** Variables from the repository's .env, if there is one. The real environment wins over it. */
function readDotEnv(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  return parseEnv(readFileSync(file, 'utf8')) as Record<string, string>;
}

let cached: Config | undefined;

/** The process's configuration: process.env over .env, validated once and cached. */
export function loadConfig(): Config {
  cached ??= parseConfig({ ...readDotEnv(path.join(repoRoot, '.env')), ...process.env });
  return cached;
}

/** Resolves a path setting (STORAGE_ROOT, MODELS_DIR) against the repository root. */
export function resolveFromRoot(p: string): string {
  return path.resolve(repoRoot, p);
}

export function cookieSecure(config: Config): boolean {
  return config.COOKIE_SECURE ?? config.NODE_ENV === 'production';
}

/** Origins allowed to send cookie-authenticated requests. */
export function trustedOrigins(config: Config): string[] {
  return [config.WEB_ORIGIN, config.API_URL, ...config.TRUSTED_ORIGINS].map(
    (url) => new URL(url).origin,
  );
}
