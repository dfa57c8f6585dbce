import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { outputDir, type StackState } from './settings.ts';

// [LEAKS] After the whole suite: every log the stack's processes wrote (e2e/output/logs) must hold
// none of the secrets the run used. The secrets are collected, not assumed: the stack's own
// (demo password, signing secret, the DATABASE_URL password), what the browsers typed and were
// given (captured by stack/capture-secrets.ts: passwords, session cookies, API and invitation
// tokens), and from the database before it is dropped (every argon2 password hash, every stored
// token hash). Token-shaped strings (tss_/tsp_/tsi_ + 43 characters) and argon2 hashes are also
// refused by pattern, in case a secret slipped past the capture.

export interface Secret {
  kind: string;
  value: string;
}

const PATTERNS: Secret[] = [
  { kind: 'argon2 hash (pattern)', value: String.raw`\$argon2(?:id|i|d)\$v=\d+\$` },
  {
    kind: 'session/API/invitation token (pattern)',
    value: String.raw`\bts[spi]_[A-Za-z0-9_-]{43}`,
  },
];

/** What a value a browser sent or was given is, by the prefix our tokens carry. */
function browserKind(value: string): string {
  if (value.startsWith('tss_')) return 'session cookie';
  if (value.startsWith('tsp_')) return 'API token';
  if (value.startsWith('tsi_')) return 'invitation token';
  return 'password typed in a browser';
}

/** The secrets the run used, by kind; values shorter than 8 characters are left out (noise). */
export async function collectSecrets(state: StackState): Promise<Secret[]> {
  const secrets: Secret[] = [];
  const add = (kind: string, value: string | null | undefined) => {
    if (value && value.length >= 8) secrets.push({ kind, value });
  };
  for (const file of readdirSync(state.secretsDir)) {
    const values = JSON.parse(readFileSync(path.join(state.secretsDir, file), 'utf8')) as
      | string[]
      | Record<string, string>;
    if (Array.isArray(values)) {
      for (const value of values) add(browserKind(value), value);
    } else {
      for (const [kind, value] of Object.entries(values)) add(kind, value);
    }
  }
  const client = new pg.Client({ connectionString: state.databaseUrl });
  await client.connect();
  try {
    const rows = async (sql: string) => (await client.query<{ v: string }>(sql)).rows;
    for (const { v } of await rows('SELECT "passwordHash" AS v FROM "User"'))
      add('argon2 password hash', v);
    for (const [table, kind] of [
      ['Session', 'session token hash'],
      ['ApiToken', 'API token hash'],
      ['Invitation', 'invitation token hash'],
    ] as const) {
      for (const { v } of await rows(`SELECT "tokenHash" AS v FROM "${table}"`)) add(kind, v);
    }
  } finally {
    await client.end();
  }
  return secrets;
}

export interface ScanResult {
  files: string[];
  lines: number;
  secrets: number;
  kinds: Record<string, number>;
  leaks: string[];
}

export function scanLogs(secrets: Secret[], logsDir = path.join(outputDir, 'logs')): ScanResult {
  const files = readdirSync(logsDir).filter((name) => name.endsWith('.log'));
  const patterns = PATTERNS.map((p) => ({ kind: p.kind, re: new RegExp(p.value) }));
  const leaks: string[] = [];
  let lines = 0;
  for (const file of files) {
    const text = readFileSync(path.join(logsDir, file), 'utf8');
    for (const [i, line] of text.split('\n').entries()) {
      lines++;
      for (const secret of secrets) {
        if (line.includes(secret.value)) leaks.push(`${file}:${i + 1}: ${secret.kind}`);
      }
      for (const pattern of patterns) {
        if (pattern.re.test(line)) leaks.push(`${file}:${i + 1}: ${pattern.kind}`);
      }
    }
  }
  const kinds: Record<string, number> = {};
  const distinct = new Map(secrets.map((secret) => [secret.value, secret.kind]));
  for (const kind of distinct.values()) kinds[kind] = (kinds[kind] ?? 0) + 1;
  return { files, lines, secrets: distinct.size, kinds, leaks };
}
