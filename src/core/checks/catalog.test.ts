import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CheckResult } from '../model';
import { CHECKS, listChecks, RUNNER_RESULTS, type CheckId } from './catalog';
import type { ResultId } from './result-ids';

describe('the check catalog', () => {
  it('names each check and each result id once', () => {
    const checkIds = CHECKS.map((c) => c.id);
    expect(new Set(checkIds).size).toBe(checkIds.length);
    const resultIds = [...listChecks().flatMap((c) => c.results), ...RUNNER_RESULTS].map((r) => r.id);
    expect(new Set(resultIds).size).toBe(resultIds.length);
  });

  it('gives every check a title, what it needs and the function that runs it', () => {
    for (const check of listChecks()) {
      expect(check.title.length, check.id).toBeGreaterThan(3);
      expect(check.needs.length, check.id).toBeGreaterThan(3);
      expect(check.run, check.id).toMatch(/^[a-z]\w+$/i);
      expect(check.results.length, check.id).toBeGreaterThan(0);
    }
  });

  it('types result ids: a misspelt id does not compile, a varying part does', () => {
    expectTypeOf<'token.kind'>().toExtend<ResultId>();
    expectTypeOf<'oauth.scopes.lint.3'>().toExtend<ResultId>();
    expectTypeOf<'oauth.coverage.likely.read-sprints'>().toExtend<ResultId>();
    expectTypeOf<'token.kindd'>().not.toExtend<ResultId>();
    expectTypeOf<'tokens.expires-2d'>().not.toExtend<ResultId>();
    expectTypeOf<'cloud-id'>().toExtend<CheckId>();
    expectTypeOf<CheckResult['id']>().toEqualTypeOf<ResultId>();
    // @ts-expect-error `token.kindd` is no result id.
    const misspelt: CheckResult = { id: 'token.kindd', title: 'x', status: 'pass', detail: 'x' };
    expect(misspelt.status).toBe('pass');
  });
});
