import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InputError } from '../../core/model';
import { ADMIN_ID, contextFor, testDeps, USER_ID } from '../../../test/mocks/app-deps';
import { needsAuthenticationError } from '../../../test/mocks/forge';
import { RESOLVER_CHECK_MS, RESOLVER_LIMIT_MS } from '../limits';
import type { ResolverContext } from '../ports';
import { ADMIN_ONLY_MESSAGE, defineResolver, SIGNED_OUT_MESSAGE, type Access } from './define';
import { siteInfo } from './getSite';
import { ADMIN_RESOLVERS, invokeResolver, resolvers, resolverTable } from '.';
import { noPayload } from './schemas';

describe('defineResolver', () => {
  it('gives the checks of a call a deadline inside Forge’s 25 s, from the start of the call', async () => {
    const deps = testDeps();
    const start = deps.clock.now().getTime();
    let seen: number | undefined;
    const timed = defineResolver(
      'getMe',
      'self',
      z.object({}).transform(() => ({})),
      async (_payload, _context, callDeps) => {
        seen = callDeps.checkDeps.deadline;
        return { accountId: USER_ID, displayName: 'Uri User', isAdmin: false };
      },
    );
    await timed.run({}, contextFor(USER_ID), deps);
    expect(seen).toBe(start + RESOLVER_CHECK_MS);
    expect(RESOLVER_CHECK_MS).toBeLessThanOrEqual(RESOLVER_LIMIT_MS - 3000);
  });

  it('refuses every admin resolver to a non-admin before reading the payload', async () => {
    const deps = testDeps();
    for (const name of ADMIN_RESOLVERS) {
      const response = await invokeResolver(name, { nonsense: true }, contextFor(USER_ID), deps);
      expect(response, name).toEqual({ ok: false, error: { code: 'forbidden', message: ADMIN_ONLY_MESSAGE } });
    }
  });

  it('refuses every resolver to a call with no person behind it, before asking Jira anything', async () => {
    const deps = testDeps();
    deps.permissions = {
      isJiraAdmin: async () => {
        throw new Error('not to be asked');
      },
    };
    for (const name of Object.keys(resolvers)) {
      expect(await invokeResolver(name, {}, contextFor(''), deps), name).toEqual({ ok: false, error: { code: 'forbidden', message: SIGNED_OUT_MESSAGE } });
    }
    expect(deps.logs).toEqual([]);
  });

  it('refuses, at type-check, a resolver that does not say who may call it', () => {
    // @ts-expect-error access is required: without it the schema lands where the access level belongs.
    const unsaid = () => defineResolver('getSite', noPayload, async (_payload: unknown, context: ResolverContext) => siteInfo(context));
    expect(unsaid).toBeTypeOf('function');
  });

  it('refuses, at start, a resolver table with an access level cast past the type', () => {
    for (const access of [undefined, 'Admin', 'public', '']) {
      const forged = { ...resolvers.getSite, access: access as unknown as Access };
      expect(() => resolverTable({ ...resolvers, getSite: forged }), String(access)).toThrow(
        `Resolver "getSite" has access ${JSON.stringify(access) ?? 'undefined'}; say 'admin' or 'self'.`,
      );
    }
    expect(resolverTable(resolvers)).toBe(resolvers);
  });

  it("asks for an admin when a definition's access is anything but self", async () => {
    const forged = defineResolver('getSite', 'public' as unknown as Access, noPayload, async (_payload, context) => siteInfo(context));
    expect(await forged.run({}, contextFor(USER_ID), testDeps())).toEqual({ ok: false, error: { code: 'forbidden', message: ADMIN_ONLY_MESSAGE } });
  });

  it('lists as admin-only exactly the definitions that say admin', () => {
    expect(ADMIN_RESOLVERS).toContain('saveConnection');
    expect(ADMIN_RESOLVERS).not.toContain('checkMyToken');
    for (const definition of Object.values(resolvers)) {
      expect(ADMIN_RESOLVERS.includes(definition.name), definition.name).toBe(definition.access === 'admin');
    }
  });

  it('names the field when the payload is invalid', async () => {
    const response = await invokeResolver('lookupCloudId', { site: 42 }, contextFor(ADMIN_ID), testDeps());
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'site' } });
    if (!response.ok) expect(response.error.message).toMatch(/^site: /);
  });

  it('turns an InputError into invalid-input with its one line', async () => {
    const failing = defineResolver(
      'getMe',
      'self',
      z.object({}).transform(() => ({})),
      async () => {
        throw new InputError('Pick a profile.', 'profileId');
      },
    );
    expect(await failing.run({}, contextFor(USER_ID), testDeps())).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'Pick a profile.', field: 'profileId' },
    });
  });

  it('hides unexpected errors behind a generic line and logs them without the secrets of the payload', async () => {
    const deps = testDeps();
    const failing = defineResolver(
      'checkMyToken',
      'self',
      z.object({ token: z.string() }).transform(() => ({}) as never),
      async () => {
        throw new Error('upstream echoed demo-secret-token-value');
      },
    );
    const response = await failing.run({ token: 'demo-secret-token-value' }, contextFor(USER_ID), deps);
    expect(response).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(response)).not.toContain('demo-secret-token-value');
    expect(deps.logs.join('\n')).toContain('[redacted]');
    expect(deps.logs.join('\n')).not.toContain('demo-secret-token-value');
  });

  it('rejects with Forge\'s consent error from the admin check, so Jira can offer "Allow access"', async () => {
    const deps = testDeps();
    const consent = needsAuthenticationError();
    deps.permissions = {
      isJiraAdmin: async () => {
        throw consent;
      },
    };
    await expect(invokeResolver('listConnections', {}, contextFor(ADMIN_ID), deps)).rejects.toBe(consent);
    expect(deps.logs).toEqual([]);
  });

  it("rejects with Forge's consent error from a handler too", async () => {
    const consent = needsAuthenticationError();
    const asksJira = defineResolver(
      'getMe',
      'self',
      z.object({}).transform(() => ({})),
      async () => {
        throw consent;
      },
    );
    await expect(asksJira.run({}, contextFor(USER_ID), testDeps())).rejects.toBe(consent);
  });

  it('keeps every other error, platform ones included, in the envelope', async () => {
    const others: unknown[] = [
      Object.assign(new Error('Forge platform failed to process runtime HTTP request - 502 - BAD_GATEWAY'), { name: 'PROXY_ERR' }),
      new Error('NEEDS_AUTHENTICATION_ERR in a message is not the error'),
      { name: 'NEEDS_AUTHENTICATION_ERR' },
    ];
    for (const thrown of others) {
      const failing = defineResolver(
        'getMe',
        'self',
        z.object({}).transform(() => ({})),
        async () => {
          throw thrown;
        },
      );
      expect(await failing.run({}, contextFor(USER_ID), testDeps())).toMatchObject({ ok: false, error: { code: 'internal' } });
    }
  });

  it('answers not-found for a resolver that does not exist', async () => {
    const response = await invokeResolver('dropTables', {}, contextFor(ADMIN_ID), testDeps());
    expect(response).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
