/**
 * The Forge platform in one place for tests: an in-memory @forge/kvs and an @forge/api whose `asUser()`
 * answers the Jira admin check and /myself for a configurable person. Use it from a test file with
 *   vi.mock('@forge/kvs', async () => (await import('<path>/test/mocks/forge')).kvsModule);
 *   vi.mock('@forge/api', async () => (await import('<path>/test/mocks/forge')).apiModule);
 *   vi.mock('@forge/events', async () => (await import('<path>/test/mocks/forge')).eventsModule);
 * The bundle `forge deploy` builds runs the real @forge/api and @forge/kvs instead, on the platform stand-in in
 * forge-runtime.mjs (beside this file).
 */
export const forgeState = {
  entries: new Map<string, unknown>(),
  secrets: new Map<string, unknown>(),
  /** What the next `asUser()` call is: an admin or not. */
  callerIsAdmin: true,
  jiraRequests: [] as { path: string; method: string }[],
  /** Every event pushed to an @forge/events queue, with the queue's key. */
  queued: [] as { queue: string; event: unknown }[],
  reset() {
    this.queued.length = 0;
    this.entries.clear();
    this.secrets.clear();
    this.callerIsAdmin = true;
    this.jiraRequests.length = 0;
  },
};

interface Clause {
  condition: string;
  values: unknown[];
}

function queryBuilder() {
  let prefix = '';
  let limit = 100;
  let after: string | undefined;
  const builder = {
    where(_property: 'key', clause: Clause) {
      prefix = String(clause.values[0]);
      return builder;
    },
    limit(value: number) {
      limit = value;
      return builder;
    },
    cursor(value: string) {
      after = value;
      return builder;
    },
    async getMany() {
      const keys = [...forgeState.entries.keys()].filter((k) => k.startsWith(prefix) && (!after || k > after)).sort();
      const page = keys.slice(0, limit);
      const results = page.map((key) => ({ key, value: forgeState.entries.get(key) }));
      return keys.length > limit ? { results, nextCursor: page.at(-1) } : { results };
    },
  };
  return builder;
}

const kvs = {
  get: async (key: string) => forgeState.entries.get(key),
  set: async (key: string, value: unknown, options?: { keyPolicy?: 'OVERRIDE' | 'FAIL_IF_EXISTS' }) => {
    // Like the real service: a create-only write to an existing key is refused with an API error.
    if (options?.keyPolicy === 'FAIL_IF_EXISTS' && forgeState.entries.has(key)) {
      throw Object.assign(new Error('The key already exists'), { code: 'KEY_ALREADY_EXISTS' });
    }
    forgeState.entries.set(key, value);
  },
  delete: async (key: string) => void forgeState.entries.delete(key),
  query: () => queryBuilder(),
  getSecret: async (key: string) => forgeState.secrets.get(key),
  setSecret: async (key: string, value: unknown) => void forgeState.secrets.set(key, value),
  deleteSecret: async (key: string) => void forgeState.secrets.delete(key),
};

export const kvsModule = {
  kvs,
  default: kvs,
  WhereConditions: { beginsWith: (value: string): Clause => ({ condition: 'BEGINS_WITH', values: [value] }) },
};

/** What @forge/api's asUser() throws until the person has allowed access (its NeedsAuthenticationError). */
export function needsAuthenticationError(): Error {
  return Object.assign(new Error('Authentication Required'), {
    name: 'NEEDS_AUTHENTICATION_ERR',
    status: 401,
    serviceKey: 'atlassian-token-service-key',
  });
}

function reply(status: number, body: unknown) {
  return { status, ok: status < 300, headers: { get: () => null }, text: async () => JSON.stringify(body) };
}

export const apiModule = {
  route: (strings: TemplateStringsArray, ...values: unknown[]) => ({
    value: strings.reduce((path, part, i) => path + part + (i < values.length ? encodeURIComponent(String(values[i])) : ''), ''),
  }),
  asUser: () => ({
    requestJira: async (route: { value: string }, init: { method?: string } = {}) => {
      forgeState.jiraRequests.push({ path: route.value, method: init.method ?? 'GET' });
      if (route.value === '/rest/api/3/permissions/check') {
        return reply(200, { globalPermissions: forgeState.callerIsAdmin ? ['ADMINISTER'] : [], projectPermissions: [] });
      }
      if (route.value === '/rest/api/3/myself') return reply(200, { displayName: 'Forge Person', emailAddress: 'person@example.test' });
      return reply(404, { errorMessages: ['not in the mock'] });
    },
  }),
  fetch: async (url: string) => {
    throw new Error(`tests do not fetch ${url}`);
  },
};

/** An @forge/events Queue that keeps what is pushed in forgeState.queued. */
class Queue {
  constructor(private readonly params: { key: string }) {}
  async push(events: unknown[]) {
    for (const event of events) forgeState.queued.push({ queue: this.params.key, event });
    return { jobId: `job-${forgeState.queued.length}` };
  }
}

export const eventsModule = { Queue };
