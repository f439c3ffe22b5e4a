import type { DemoRole } from '../../src/emulator/demo';
import type { DataOf, PayloadOf, ResolverName, ResolverResponse } from '../../src/forge/api';
import type { AppDeps } from '../../src/forge/ports';
import { invokeResolver } from '../../src/forge/resolvers';
import { demoContext } from '../../src/local/deps';

/**
 * Calls resolvers as a demo person over the given deps, keeping every answer so a test can scan them all
 * for secrets. `data` unwraps an answer that must be ok.
 */
export function demoResolverCalls(deps: () => AppDeps) {
  const answers: unknown[] = [];
  async function call<K extends ResolverName>(role: DemoRole, name: K, payload: PayloadOf<K>): Promise<ResolverResponse<DataOf<K>>> {
    const response = (await invokeResolver(name, payload, demoContext(role), deps())) as ResolverResponse<DataOf<K>>;
    answers.push(response);
    return response;
  }
  async function data<K extends ResolverName>(role: DemoRole, name: K, payload: PayloadOf<K>): Promise<DataOf<K>> {
    const response = await call(role, name, payload);
    if (!response.ok) throw new Error(`${name} as ${role}: ${response.error.code} ${response.error.message}`);
    return response.data;
  }
  return { answers, call, data };
}
