/**
 * A stand-in for Forge's Node runtime, to run the bundle `forge deploy` would upload
 * (test/integration/forge-bundle.test.ts). It provides what @forge/api and @forge/kvs call inside the bundle —
 * `global.__forge_fetch__` — with an empty KVS and a Jira that answers as one user, and makes plain
 * `fetch` fail so no request leaves the process. Plain JavaScript: it runs under Forge's Node, outside vitest.
 *
 *   node forge-runtime.mjs <bundle.cjs> '<scenario JSON>'
 *
 * scenario: { accountId, jira: { admin: boolean, proxyError?: string },
 *   calls: [{ export: 'handler', functionKey, payload? } | { export: 'recheck' } | { export: 'recheckConsumer', payload }] }
 * A `recheckConsumer` call is how Forge delivers one queue event: the consumer's method and the event body.
 * `proxyError` is what Forge's proxy puts in the `forge-proxy-error` header of every asUser() reply, e.g.
 * NEEDS_AUTHENTICATION_ERR while the user has not allowed access yet.
 * Prints one JSON line: { exports, results: [{ resolved } | { rejected: { name, message, status } }], requests, logs }.
 */
import { createRequire } from 'node:module';

const [bundlePath, scenarioJson] = process.argv.slice(2);
const scenario = JSON.parse(scenarioJson);
const requests = [];
const logs = [];

function json(status, body, headers = {}) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

function jira(path, init) {
  const { admin, proxyError } = scenario.jira;
  if (proxyError) return json(401, undefined, { 'forge-proxy-error': proxyError });
  if (path === '/rest/api/3/permissions/check' && init.method === 'POST') {
    return json(200, { globalPermissions: admin ? ['ADMINISTER'] : [], projectPermissions: [] });
  }
  if (path === '/rest/api/3/myself') {
    return json(200, { accountId: scenario.accountId, displayName: 'Bundle Person', emailAddress: 'bundle@example.test' });
  }
  return json(404, { errorMessages: ['not in the stand-in'] });
}

/** An empty KVS, answering the REST calls @forge/kvs makes (POST /api/v1/…) that these scenarios need. */
function kvs(path) {
  switch (path) {
    case '/api/v1/get':
    case '/api/v1/secret/get':
      return json(404, { code: 'KEY_NOT_FOUND', message: 'not found' });
    case '/api/v1/query':
      return json(200, { data: [] });
    case '/api/v1/delete':
      return json(204, undefined);
    case '/api/v1/set':
      return json(204, undefined);
    default:
      return json(400, { code: 'NOT_IN_STAND_IN', message: `the stand-in KVS has no ${path}` });
  }
}

globalThis.__forge_fetch__ = async (options, path, init = {}) => {
  const method = init.method ?? 'GET';
  requests.push({ type: options.type, provider: options.provider, remote: options.remote, method, path });
  if (options.type === 'kvs') return kvs(path);
  if (options.type === 'fpp' && options.provider === 'user' && options.remote === 'jira') return jira(path, { method });
  return json(400, { message: `the stand-in platform has no ${options.type}/${options.provider}/${options.remote}` });
};
globalThis.fetch = async (url) => {
  requests.push({ type: 'egress', method: 'GET', path: String(url) });
  throw new Error(`the stand-in runtime has no network (${url})`);
};
for (const level of ['log', 'info', 'warn', 'error']) console[level] = (...parts) => logs.push(parts.join(' '));

const bundle = createRequire(import.meta.url)(bundlePath);

/** How Forge calls the resolver function for a Custom UI `invoke`: the call, its context, the principal. */
function invoke({ functionKey, payload = {} }) {
  return bundle.handler(
    {
      call: { functionKey, payload },
      context: { cloudId: 'bundle-cloud-id', siteUrl: 'https://acme.atlassian.net', moduleKey: 'scope-doctor-admin-page' },
    },
    { principal: { accountId: scenario.accountId } },
  );
}

/** How Forge delivers one event of the queue to the consumer module's resolver method (no principal). */
function consume({ payload }) {
  return bundle.recheckConsumer({ call: { functionKey: 'recheck', payload, jobId: 'bundle-job' }, context: {} }, {});
}

function callOf(call) {
  if (call.export === 'recheck') return bundle.recheck();
  if (call.export === 'recheckConsumer') return consume(call);
  return invoke(call);
}

const results = [];
for (const call of scenario.calls) {
  try {
    results.push({ resolved: (await callOf(call)) ?? null });
  } catch (error) {
    results.push({ rejected: { name: error?.name, message: error?.message, status: error?.status } });
  }
}
process.stdout.write(`${JSON.stringify({ exports: Object.keys(bundle).sort(), results, requests, logs })}\n`);
