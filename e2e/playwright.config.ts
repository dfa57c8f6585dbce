import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, outputDir, WEB_URL } from './stack/settings.ts';

// The e2e suite: Debian's Chromium (never `playwright install`) against the real stack that
// stack/global-setup.ts starts. Specs share that stack and run one at a time (2 cores).
export default defineConfig({
  testDir: './specs',
  outputDir: `${outputDir}/test-results`,
  globalSetup: './stack/global-setup.ts',
  globalTeardown: './stack/global-teardown.ts',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['html', { outputFolder: `${outputDir}/report`, open: 'never' }]],
  use: {
    baseURL: WEB_URL,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
