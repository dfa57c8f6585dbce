import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Where the e2e stack listens and writes. Fixed ports (overridable) because Playwright needs the
// base URL before global setup runs; they differ from the dev defaults (3000/4000) so a running
// dev stack does not collide with the suite.

export const e2eDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(e2eDir, '..');
/** E2E_OUTPUT_DIR lets two runs on one machine keep apart (ports: E2E_WEB_PORT, E2E_API_PORT). */
export const outputDir = process.env.E2E_OUTPUT_DIR ?? path.join(e2eDir, 'output');
export const screenshotDir = path.join(outputDir, 'screenshots');
export const stackStateFile = path.join(outputDir, 'stack.json');

const port = (value: string | undefined, fallback: number) => (value ? Number(value) : fallback);
export const WEB_PORT = port(process.env.E2E_WEB_PORT, 3310);
export const API_PORT = port(process.env.E2E_API_PORT, 4310);
export const WEB_URL = `http://localhost:${WEB_PORT}`;
export const API_URL = `http://localhost:${API_PORT}`;
/** A Redis database of its own, so the suite's queues never meet a dev stack's. */
export const REDIS_URL = process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379/9';

export const DEMO_PASSWORD = 'twinspect-e2e-demo';
export const USERS = {
  admin: 'admin@demo.twinspect.test',
  editor: 'editor@demo.twinspect.test',
  annotator: 'annotator@demo.twinspect.test',
  annotator2: 'annotator2@demo.twinspect.test',
} as const;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface StackState {
  databaseName: string;
  databaseUrl: string;
  storageRoot: string;
  /** Where the run's secrets are written down for the log scan (inside storageRoot: deleted). */
  secretsDir: string;
  pids: number[];
  reviewCase: { setId: string; setName: string; consensusPairId: string; reportPairId: string };
  modelAvailable: boolean;
}
