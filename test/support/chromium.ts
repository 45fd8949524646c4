/**
 * Headless Chromium for the runtime tests: Debian's /usr/bin/chromium (installed by the dev
 * cloud's package step, tools/devcloud/lib/packages.sh) driven by playwright-core, never a
 * browser playwright downloads. Each launch gets a fresh profile directory, removed on close,
 * and records what the page printed so a failing test can show it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Where the browser is; `OSSDK_CHROMIUM` overrides it. */
export const CHROMIUM_PATH = process.env.OSSDK_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for a quiet, reproducible headless run in a container (no sandbox: CI runs as root). */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A running browser with one page, and everything the page logged. */
export interface BrowserSession {
  page: Page;
  /** Console messages, page errors and failed requests, in order, one line each. */
  log: string[];
  /** The log as one block for an assertion message. */
  transcript(): string;
  /** Close the browser and delete its profile. */
  close(): Promise<void>;
}

/** Launch Chromium (bounded by `timeoutMs`) and open one page. */
export async function openBrowser(timeoutMs = 60_000): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `no browser at ${CHROMIUM_PATH}: bash tools/devcloud/ensure.sh installs Debian's chromium (as root), ` +
        'or set OSSDK_CHROMIUM to a Chromium binary',
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'ossdk-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: FLAGS,
      timeout: timeoutMs,
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const log: string[] = [];
  page.on('console', (m) => log.push(`console.${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => log.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) =>
    log.push(`requestfailed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`),
  );
  return {
    page,
    log,
    transcript: () => (log.length ? `page output:\n  ${log.join('\n  ')}` : 'the page printed nothing'),
    close: async () => {
      try {
        await context.close();
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}
