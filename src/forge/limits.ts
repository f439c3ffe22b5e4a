/**
 * Forge's time limits, and how much of them the checks may use: the rest is for storing the result and
 * answering, so a slow or rate-limiting Atlassian gives an `unknown` that is recorded, not a killed call.
 */

/** Forge stops a resolver call after 25 s. */
export const RESOLVER_LIMIT_MS = 25_000;
/** Kept back from a limit for the storage writes and the answer after the checks. */
export const STORE_MARGIN_MS = 5_000;
/** What the checks of one resolver call may take, from the moment the call starts. */
export const RESOLVER_CHECK_MS = RESOLVER_LIMIT_MS - STORE_MARGIN_MS;
/**
 * Forge stops a scheduled function after 55 s unless its manifest entry sets `timeoutSeconds` (then that):
 * keep this equal to the `recheck` function's timeout in manifest.yml.
 */
export const TRIGGER_LIMIT_MS = 55_000;
/** Forge stops an async event consumer after 55 s unless its function sets `timeoutSeconds`: keep equal to manifest.yml. */
export const CONSUMER_LIMIT_MS = 55_000;
