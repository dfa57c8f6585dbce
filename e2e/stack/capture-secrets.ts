import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type BrowserContext, test as base, type Request, type Response } from '@playwright/test';
import { type StackState, stackStateFile } from './settings.ts';

// Every spec's `test` comes from here: an automatic fixture that writes down the secrets the
// browsers of the test actually used (passwords typed into forms, session cookies, API and
// invitation tokens the API answered), so that global-teardown can look for them in the logs of
// the servers. They go to the stack's temporary folder (deleted at teardown), never to e2e/output.

const SESSION_COOKIE = 'twinspect_session';
const SECRET_KEYS = /password|token|secret/i;

/** String values under secret-looking keys, at any depth of a JSON value. */
function secretValues(value: unknown, key = '', found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (SECRET_KEYS.test(key) && value.length >= 8) found.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) secretValues(item, key, found);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) secretValues(v, k, found);
  }
  return found;
}

function parseJson(text: string | null): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function fromCookieHeader(header: string | undefined, found: Set<string>) {
  for (const part of header?.split(/[;\n]/) ?? []) {
    const [name, value] = part.trim().split('=');
    if (name === SESSION_COOKIE && value) found.add(decodeURIComponent(value));
  }
}

function watch(context: BrowserContext, found: Set<string>, pending: Promise<unknown>[]) {
  context.on('request', (request: Request) => {
    for (const value of secretValues(parseJson(request.postData()))) found.add(value);
    const headers = request.headers();
    fromCookieHeader(headers.cookie, found);
    const bearer = headers.authorization?.match(/^Bearer (.+)$/)?.[1];
    if (bearer) found.add(bearer);
  });
  context.on('response', (response: Response) => {
    pending.push(
      (async () => {
        fromCookieHeader((await response.headerValue('set-cookie')) ?? undefined, found);
        if (!(response.headers()['content-type'] ?? '').includes('json')) return;
        const body = await response.text();
        for (const value of secretValues(parseJson(body))) found.add(value);
      })().catch(() => {}),
    );
  });
  // Cookies can no longer be read once a context is closed: read them on the way out.
  const close = context.close.bind(context);
  context.close = async (...args) => {
    await cookiesOf(context, found);
    return close(...args);
  };
}

async function cookiesOf(context: BrowserContext, found: Set<string>) {
  for (const cookie of await context.cookies().catch(() => [])) {
    if (cookie.name === SESSION_COOKIE) found.add(cookie.value);
  }
}

export const test = base.extend<{ captureSecrets: void }>({
  captureSecrets: [
    async ({ browser, context }, use, testInfo) => {
      const found = new Set<string>();
      const pending: Promise<unknown>[] = [];
      watch(context, found, pending);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const created = await newContext(...args);
        watch(created, found, pending);
        return created;
      };
      try {
        await use();
      } finally {
        browser.newContext = newContext;
        for (const open of browser.contexts()) await cookiesOf(open, found);
        await Promise.all(pending);
        const { secretsDir } = JSON.parse(readFileSync(stackStateFile, 'utf8')) as StackState;
        mkdirSync(secretsDir, { recursive: true });
        writeFileSync(
          path.join(secretsDir, `${testInfo.testId}-${testInfo.retry}.json`),
          JSON.stringify([...found]),
        );
      }
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
