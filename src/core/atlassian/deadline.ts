import type { CheckDeps } from '../ports';
import { systemClock } from '../ports';

/** The words every result that stopped at its deadline uses, so a person (and a test) can tell it apart. */
export const OUT_OF_TIME = 'ran out of time';

/** Milliseconds until the check's deadline on its own clock; Infinity when it has none. */
export function timeLeft(deps: CheckDeps): number {
  if (deps.deadline === undefined) return Number.POSITIVE_INFINITY;
  return deps.deadline - (deps.clock ?? systemClock).now().getTime();
}

/** The deps with a deadline `ms` from now, or the earlier one they already carry. */
export function withDeadline(deps: CheckDeps, ms: number): CheckDeps {
  const at = (deps.clock ?? systemClock).now().getTime() + ms;
  return { ...deps, deadline: Math.min(deps.deadline ?? Number.POSITIVE_INFINITY, at) };
}
