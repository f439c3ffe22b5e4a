/**
 * The one place the UI talks to the outside world. Inside Jira it goes through `@forge/bridge`; in local mode
 * it calls the local server, which routes to the same resolvers. Everything else in the UI only sees
 * `invoke` and `getPageContext`.
 */
import type { DataOf, PayloadOf, ResolverName, ResolverResponse } from '../../src/forge/api';

/** The manifest's page modules: both admin entries (the sidebar's and Configure's) open the admin page. */
export const ADMIN_MODULE_KEYS = ['scope-doctor-admin-sidebar-page', 'scope-doctor-admin-page'] as const;
export const PERSONAL_MODULE_KEY = 'scope-doctor-personal-page';
export type ModuleKey = (typeof ADMIN_MODULE_KEYS)[number] | typeof PERSONAL_MODULE_KEY;

export interface PageContext {
  moduleKey: ModuleKey;
  accountId?: string;
  displayName?: string;
  siteUrl?: string;
  cloudId?: string;
}

declare global {
  interface Window {
    /** Set by the Forge host inside its Custom UI iframe. */
    __bridge?: unknown;
  }
}

export const inForge = typeof window !== 'undefined' && window.__bridge !== undefined;

/** Local mode: the demo person the page acts as, `?as=` as given (a repeated one as the list it is), for the server to judge. */
function localRole(): string | string[] | undefined {
  const roles = new URLSearchParams(window.location.search).getAll('as');
  return roles.length > 1 ? roles : roles[0];
}

function networkError(error: unknown): ResolverResponse<never> {
  const reason = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { code: 'internal', message: `Could not reach Scope Doctor: ${reason}` } };
}

export async function invoke<K extends ResolverName>(key: K, payload: PayloadOf<K>): Promise<ResolverResponse<DataOf<K>>> {
  try {
    if (inForge) {
      const bridge = await import('@forge/bridge');
      const answer = await bridge.invoke<ResolverResponse<DataOf<K>>>(key, payload);
      // The bridge may wrap the resolver's return value with invoke metadata.
      return 'body' in answer ? answer.body : answer;
    }
    const response = await fetch('/api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key, payload, as: localRole() }),
    });
    return (await response.json()) as ResolverResponse<DataOf<K>>;
  } catch (error) {
    return networkError(error);
  }
}

function moduleKeyFromPath(): ModuleKey {
  return window.location.pathname.includes('personal') ? PERSONAL_MODULE_KEY : 'scope-doctor-admin-page';
}

export async function getPageContext(): Promise<PageContext> {
  if (inForge) {
    const { view } = await import('@forge/bridge');
    const context = await view.getContext();
    return {
      moduleKey: context.moduleKey as ModuleKey,
      accountId: context.accountId,
      siteUrl: context.siteUrl,
      cloudId: context.cloudId,
    };
  }
  // Locally the URL path picks the page; the server only supplies who we are.
  const moduleKey = moduleKeyFromPath();
  try {
    const roles = new URLSearchParams(window.location.search).getAll('as').map((role) => ['as', role]);
    const response = await fetch(`/api/context?${new URLSearchParams(roles).toString()}`);
    if (!response.ok) return { moduleKey };
    const context = (await response.json()) as Partial<PageContext>;
    return { ...context, moduleKey };
  } catch {
    return { moduleKey };
  }
}

/** Inside Jira the host decides light or dark; locally `?theme=` wins over the OS preference. */
export async function enableTheme(): Promise<void> {
  if (inForge) {
    const { view } = await import('@forge/bridge');
    await view.theme.enable();
    return;
  }
  const { setGlobalTheme } = await import('@atlaskit/tokens/set-global-theme');
  const requested = new URLSearchParams(window.location.search).get('theme');
  const colorMode = requested === 'dark' || requested === 'light' ? requested : 'auto';
  await setGlobalTheme({ colorMode });
}
