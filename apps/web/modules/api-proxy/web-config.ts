import { ZConfig } from '@twinspect/config';
import { z } from 'zod';

// The web server needs one setting: where the API is. scripts/next.ts validates the whole
// configuration (environment + .env) before starting Next and hands API_URL over. The full schema
// is not re-checked in here because `next start` forces NODE_ENV=production in its own process,
// which would demand production-only settings (SIGNING_SECRET) that the web never uses.
const ZWebConfig = z.object({ API_URL: ZConfig.shape.API_URL });

let cached: z.infer<typeof ZWebConfig> | undefined;

export function webConfig() {
  cached ??= ZWebConfig.parse({ API_URL: process.env.API_URL });
  return cached;
}
