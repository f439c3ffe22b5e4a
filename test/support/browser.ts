/**
 * Headless Chromium for the browser tests and the UI bench: one browser per test file, a local server with a
 * fresh data folder, screenshots under test-output/screenshots, and an axe-core pass.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startLocalServer } from '../../src/local/server';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

const SCREENSHOT_DIR = resolve('test-output/screenshots');

async function chromiumPath(): Promise<string> {
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const sparticuz = await import('@sparticuz/chromium');
  return sparticuz.default.executablePath();
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumPath(), headless: true, args: [...CHROMIUM_ARGS] });
}

export type LocalServer = Awaited<ReturnType<typeof startLocalServer>>;

export interface UiHarness {
  server: LocalServer;
  browser: Browser;
  /** A fresh browser context whose clipboard the page may write and the test may read. */
  newPage: () => Promise<Page>;
  close: () => Promise<void>;
}

/** Starts the real local server on a free loopback port with an empty data folder, and one browser. */
export async function startUiHarness(): Promise<UiHarness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'scope-doctor-ui-'));
  const server = await startLocalServer({ port: 0, dataDir });
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    async newPage() {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
      contexts.push(context);
      const page = await context.newPage();
      // Fail fast: a missing element should cost seconds, not the whole test timeout.
      page.setDefaultTimeout(10_000);
      return page;
    },
    async close() {
      await Promise.all(contexts.map((context) => context.close()));
      await browser.close();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Calls a resolver the way the page does, to read data (profiles) or seed it (token checks). */
export async function invokeAs<T>(serverUrl: string, as: 'admin' | 'user', key: string, payload: unknown): Promise<T> {
  const response = await fetch(new URL('/api/invoke', serverUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key, payload, as }),
  });
  const body = (await response.json()) as { ok: true; data: T } | { ok: false; error: { message: string } };
  if (!body.ok) throw new Error(`${key} failed: ${body.error.message}`);
  return body.data;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page and returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const axeSource = await readFile(resolve('node_modules/axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map((node) => ({ target: node.target })),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** Relative luminance (0 black … 1 white) of a CSS `rgb(…)` colour. */
export function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number).map((channel) => {
    const value = channel / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
