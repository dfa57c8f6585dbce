import { z } from 'zod';

// The ONE description of Twinspect's environment. Every process (api, web server side, workers,
// CLI, scripts) reads its settings through loadConfig(); nothing else reads process.env.
// Add a variable here AND to .env.example (a test checks they list the same names).

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const bool = z.stringbool();
const csv = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url()));

export const ZConfig = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),

    // Services
    DATABASE_URL: z
      .url()
      .refine((url) => /^postgres(ql)?:\/\//.test(url), 'must be a postgresql:// URL'),
    REDIS_URL: z
      .url()
      .refine((url) => /^rediss?:\/\//.test(url), 'must be a redis:// URL')
      .default('redis://127.0.0.1:6379'),

    // API
    API_HOST: z.string().min(1).default('0.0.0.0'),
    API_PORT: port.default(4000),
    /// Where browsers and the web server reach the API.
    API_URL: z.url().default('http://localhost:4000'),
    /// Origins allowed to call the API with cookies (CORS and the CSRF origin check).
    WEB_ORIGIN: z.url().default('http://localhost:3000'),
    TRUSTED_ORIGINS: csv.default([]),
    WEB_PORT: port.default(3000),

    // Sessions and auth
    SESSION_TTL_HOURS: positiveInt.default(24 * 7),
    /// Defaults to true when NODE_ENV=production.
    COOKIE_SECURE: bool.optional(),
    LOGIN_RATE_LIMIT_MAX: positiveInt.default(10),
    LOGIN_RATE_LIMIT_WINDOW_SECONDS: positiveInt.default(15 * 60),
    INVITATION_TTL_HOURS: positiveInt.default(24 * 7),
    /// Signs short-lived image URLs. Must be set (32+ characters) in production.
    SIGNING_SECRET: z.string().min(32).default('dev-only-signing-secret-change-me-0000'),
    DEMO_PASSWORD: z.string().min(8).default('twinspect-demo'),

    // GraphQL limits
    GRAPHQL_MAX_DEPTH: positiveInt.default(10),
    GRAPHQL_MAX_COMPLEXITY: positiveInt.default(5000),
    /// Aliases per operation: one request cannot repeat a mutation (or a costly read) hundreds of times.
    GRAPHQL_MAX_ALIASES: positiveInt.default(15),

    // Storage of originals and renditions
    STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
    STORAGE_ROOT: z.string().min(1).default('var/storage'),
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().default('us-east-1'),
    S3_BUCKET: z.string().optional(),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_FORCE_PATH_STYLE: bool.default(true),

    // Upload and ingest
    UPLOAD_MAX_BYTES: positiveInt.default(512 * 1024 * 1024),
    IMAGE_MAX_PIXELS: positiveInt.default(268_402_689),

    // Scoring
    MODELS_DIR: z.string().min(1).default('models'),
    ORT_EXECUTION_PROVIDER: z.enum(['cpu', 'cuda']).default('cpu'),
    ORT_THREADS: positiveInt.default(2),
    /** Keypoint verification threads (opencv.js is single-threaded); unset: one per core. */
    VERIFY_THREADS: positiveInt.optional(),
    WORKER_CONCURRENCY: positiveInt.default(1),

    // Retraining
    PYTHON_BIN: z.string().min(1).default('/usr/bin/python3'),
    TRAIN_DEVICE: z.enum(['cpu', 'cuda']).default('cpu'),
    /// Processes making training views ahead of each step (train.loader_workers); a GPU machine
    /// needs several, since one process's augmentation is slower than the GPU's step. 0 = none.
    TRAIN_LOADER_WORKERS: z.coerce.number().int().min(0).default(0),
    /// Model size preset of retraining runs (training/twinspect_training/config.py): tiny in CI.
    TRAIN_PRESET: z.enum(['tiny', 'default', 'study']).default('default'),
    /// Per-run working folders (dataset snapshot, checkpoint, logs, evaluation).
    TRAIN_RUNS_DIR: z.string().min(1).default('var/training-runs'),
    /// Where retrained versions are registered; scoring workers must see the same path.
    TRAINED_MODELS_DIR: z.string().min(1).default('var/models'),
    /// Promotion gate: the candidate may trail the active model by at most this much (accuracy, AUC).
    TRAIN_GATE_MARGIN: z.coerce.number().min(0).max(1).default(0.01),
    /// Share of confirmed labels held out (by pair id hash) for the gate, never trained on.
    TRAIN_HOLDOUT_FRACTION: z.coerce.number().min(0.05).max(0.5).default(0.2),
    /// Fewer held-out labels than this (or only one class) cannot judge; that comparison is skipped.
    TRAIN_MIN_HOLDOUT_LABELS: positiveInt.default(10),
    /// Pairs of the standard (editorial) protocol scored for the gate.
    TRAIN_EVAL_PAIRS: positiveInt.default(400),
    /// Validation pairs per protocol and negatives (4 sets) for a candidate's verification calibration.
    TRAIN_CALIBRATION_PAIRS: positiveInt.default(250),
    /// Users (emails) who may start platform-wide runs on every organization's data.
    PLATFORM_ADMIN_EMAILS: z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((item) => item.trim().toLowerCase())
          .filter(Boolean),
      )
      .default([]),
  })
  .superRefine((config, ctx) => {
    if (config.NODE_ENV === 'production' && config.SIGNING_SECRET.startsWith('dev-only')) {
      ctx.addIssue({
        code: 'custom',
        path: ['SIGNING_SECRET'],
        message: 'must be set to a random value of 32+ characters in production',
      });
    }
    if (config.STORAGE_DRIVER === 's3' && !config.S3_BUCKET) {
      ctx.addIssue({
        code: 'custom',
        path: ['S3_BUCKET'],
        message: 'is required when STORAGE_DRIVER=s3',
      });
    }
  });

export type Config = z.infer<typeof ZConfig>;
export type ConfigInput = Partial<Record<keyof z.input<typeof ZConfig>, string>>;
export const CONFIG_KEYS = Object.keys(ZConfig.shape) as (keyof Config)[];
