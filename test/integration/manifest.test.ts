/**
 * Validates manifest.yml offline with @forge/manifest (schema + references), the way `forge lint` would.
 * Its overall `success` is false even for warnings alone, so the test fails on errors and prints warnings.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EgressFilteringService } from '@forge/egress';
import { validate, type ManifestSchema } from '@forge/manifest';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSite } from '../../src/core/atlassian';
import { SITE_DOMAINS } from '../../src/core/atlassian/site';
import { parseWebhookUrl, WEBHOOK_HOSTS } from '../../src/core/expiry/webhook';
import { realAtlassianHosts } from '../../src/core/ports';
import { RECHECK_QUEUE_KEY } from '../../src/forge/adapters/recheck-queue';
import { CONSUMER_LIMIT_MS, TRIGGER_LIMIT_MS } from '../../src/forge/limits';
import { ADMIN_MODULE_KEYS, PERSONAL_MODULE_KEY } from '../../static/src/bridge';

const ROOT = resolve('.');
const BUILT_UI = join(ROOT, 'static/build/index.html');
const temporaryDirs: string[] = [];

/** The real repo when the UI is built; otherwise a copy with a stand-in index.html, so the check still runs. */
async function manifestToValidate(): Promise<string> {
  if (existsSync(BUILT_UI)) return join(ROOT, 'manifest.yml');
  const dir = await mkdtemp(join(tmpdir(), 'scope-doctor-manifest-'));
  temporaryDirs.push(dir);
  await mkdir(join(dir, 'static/build'), { recursive: true });
  await mkdir(join(dir, 'src/forge'), { recursive: true });
  await copyFile(join(ROOT, 'manifest.yml'), join(dir, 'manifest.yml'));
  await copyFile(join(ROOT, 'src/forge/index.ts'), join(dir, 'src/forge/index.ts'));
  await writeFile(join(dir, 'static/build/index.html'), '<!doctype html><title>stand-in</title>');
  return join(dir, 'manifest.yml');
}

let validation: ReturnType<typeof validate> | undefined;

/** One validation for the whole file: each takes seconds. */
function validated(): ReturnType<typeof validate> {
  validation ??= manifestToValidate().then((path) => validate(false, path));
  return validation;
}

async function parsedManifest(): Promise<ManifestSchema> {
  const manifest = (await validated()).manifestObject?.typedContent;
  if (!manifest) throw new Error('manifest.yml did not parse');
  return manifest;
}

/** The addresses of permissions.external.fetch.backend, whether written as strings or `address:` entries. */
function backendEgress(manifest: ManifestSchema): string[] {
  const backend = manifest.permissions?.external?.fetch?.backend ?? [];
  return backend.flatMap((entry) => (typeof entry === 'string' ? [entry] : 'address' in entry ? [entry.address] : []));
}

afterAll(async () => {
  await Promise.all(temporaryDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('manifest.yml', () => {
  it('passes @forge/manifest validation with no errors', async () => {
    const result = await validated();
    const problems = result.errors ?? [];
    for (const warning of problems.filter((p) => p.level === 'warning')) {
      console.warn(`manifest warning (line ${warning.line ?? '?'}): ${warning.message}`);
    }
    expect(problems.filter((p) => p.level === 'error')).toEqual([]);
  });

  it('asks for the fewest permissions and egress only to Atlassian and the reminder chat webhooks', async () => {
    const manifest = await parsedManifest();
    expect(manifest.permissions?.scopes).toEqual(['storage:app', 'read:permission:jira', 'read:jira-user']);
    expect(backendEgress(manifest)).toEqual([
      'https://auth.atlassian.com',
      'https://api.atlassian.com',
      'https://*.atlassian.net',
      'https://*.jira.com',
      ...WEBHOOK_HOSTS.map(({ host }) => `https://${host}`),
    ]);
    expect(manifest.permissions?.external?.fetch?.client).toBeUndefined();
    // The page loads no script from anywhere; only Atlaskit's run-time styles need an exception.
    expect(manifest.permissions?.content).toEqual({ styles: ['unsafe-inline'] });
    expect(manifest.app.runtime?.name).toBe('nodejs22.x');
  });

  it('lets the app fetch every site address parseSite accepts, so the two cannot drift apart', async () => {
    const egress = new EgressFilteringService(backendEgress(await parsedManifest()));
    for (const domain of SITE_DOMAINS) {
      const site = realAtlassianHosts.site(parseSite(`acme.${domain}`));
      expect(egress.isValidUrl(`${site}/_edge/tenant_info`), site).toBe(true);
    }
    expect(egress.isValidUrl('https://acme.example.com/_edge/tenant_info')).toBe(false);
  });

  it('lets the app post to exactly the chat webhooks parseWebhookUrl takes', async () => {
    const egress = new EgressFilteringService(backendEgress(await parsedManifest()));
    const taken = [
      'https://hooks.slack.com/services/T0/B0/demo',
      'https://prod-00.westeurope.logic.azure.com/workflows/demo',
      'https://acme.webhook.office.com/webhookb2/demo',
    ];
    for (const url of taken) expect(egress.isValidUrl(parseWebhookUrl(url).url), url).toBe(true);
    expect(egress.isValidUrl('https://hooks.slack.com.evil.example/services/x')).toBe(false);
    expect(() => parseWebhookUrl('https://example.com/hook')).toThrow();
  });

  it("declares the admin page in the sidebar and as the Configure page, the personal page, one resolver, the hourly trigger and its queue's consumer", async () => {
    const manifest = await parsedManifest();
    const modules = manifest.modules ?? {};
    const page = { resource: 'main', resolver: { function: 'resolver' }, title: 'Scope Doctor' };
    // A useAsConfig (or useAsGetStarted) entry is left out of Jira settings → Apps, so the sidebar needs its own.
    expect(modules['jira:adminPage']).toEqual([
      { key: 'scope-doctor-admin-sidebar-page', ...page },
      { key: 'scope-doctor-admin-page', ...page, useAsConfig: true },
    ]);
    expect(modules['jira:personalSettingsPage']).toMatchObject([{ key: PERSONAL_MODULE_KEY, resource: 'main' }]);
    expect(modules.function).toEqual([
      { key: 'resolver', handler: 'forge/index.handler' },
      { key: 'recheck', handler: 'forge/index.recheck' },
      { key: 'recheck-consumer', handler: 'forge/index.recheckConsumer' },
    ]);
    expect(modules.scheduledTrigger).toEqual([{ key: 'scope-doctor-daily-recheck', function: 'recheck', interval: 'hour' }]);
    // The queue the app pushes to is the one the consumer reads, and the method is the one src/forge/index.ts defines.
    expect(modules.consumer).toEqual([
      { key: 'scope-doctor-recheck-consumer', queue: RECHECK_QUEUE_KEY, resolver: { function: 'recheck-consumer', method: 'recheck' } },
    ]);
    expect(manifest.resources).toEqual([{ key: 'main', path: 'static/build' }]);
  });

  it('gives the re-check the time limit its trigger function really has', async () => {
    const recheck = (await parsedManifest()).modules?.function?.find((f) => f.key === 'recheck');
    expect(recheck).toBeDefined();
    // Forge's default for a scheduled function is 55 s; timeoutSeconds, when set, replaces it.
    expect(TRIGGER_LIMIT_MS).toBe((recheck?.timeoutSeconds ?? 55) * 1000);
  });

  it('gives each consumer invocation the time limit its function really has', async () => {
    const consumer = (await parsedManifest()).modules?.function?.find((f) => f.key === 'recheck-consumer');
    expect(consumer).toBeDefined();
    // An async event consumer also gets 55 s unless timeoutSeconds says otherwise.
    expect(CONSUMER_LIMIT_MS).toBe((consumer?.timeoutSeconds ?? 55) * 1000);
  });

  it('has the UI route every page module to its page', async () => {
    const modules = (await parsedManifest()).modules ?? {};
    expect(modules['jira:adminPage']?.map((m) => m.key).sort()).toEqual([...ADMIN_MODULE_KEYS].sort());
    expect(modules['jira:personalSettingsPage']?.map((m) => m.key)).toEqual([PERSONAL_MODULE_KEY]);
  });
});
