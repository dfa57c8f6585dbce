import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import {
  DEMO_PASSWORD,
  type StackState,
  screenshotDir,
  stackStateFile,
} from '../stack/settings.ts';

export function stack(): StackState {
  return JSON.parse(readFileSync(stackStateFile, 'utf8')) as StackState;
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/login');
}

/** Saves a full-page screenshot under e2e/output/screenshots (the CI artifact). */
export async function snap(page: Page, name: string) {
  // Let lazy thumbnails and fonts settle so the picture shows what a person would see.
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** A GraphQL call with the page's session cookie, as the web app makes it. */
export async function graphql(
  request: APIRequestContext,
  query: string,
  variables: Record<string, unknown> = {},
) {
  const response = await request.post('/graphql', {
    headers: { 'content-type': 'application/json', 'x-twinspect-csrf': '1' },
    data: { query, variables },
  });
  return (await response.json()) as {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}
