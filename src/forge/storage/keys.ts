/**
 * Every storage key in one place. One key per item (not one big list) so two admins editing different
 * connections, or thousands of users checking tokens, never overwrite each other.
 */
export const keys = {
  /** Connection settings, versioned: written only by saveConnection. */
  connection: (id: string) => `connection:${id}`,
  connectionPrefix: 'connection:',
  /** Claimed atomically by the save that creates that version, so two saves of one version cannot both win. */
  connectionVersion: (id: string, version: number) => `connection-version:${id}:${version}`,
  /** Last report, consent result and verdict history: written by checks, so a check never races an edit. */
  connectionStatus: (id: string) => `connection-status:${id}`,
  /** Set by deleteConnection before it deletes anything: a save in flight re-reads it and gives way. */
  connectionDeleted: (id: string) => `connection-deleted:${id}`,
  tokenCheck: (accountId: string) => `token-check:${accountId}`,
  tokenCheckPrefix: 'token-check:',
  tokenReport: (accountId: string) => `token-report:${accountId}`,
  /** The person's last checks and what changed between them; erased with the rest on "forget my token". */
  tokenHistory: (accountId: string) => `token-history:${accountId}`,
  /**
   * Changes on every "forget my token": a check re-reads it before and after it writes, so a forget that
   * came while the check ran wins.
   */
  tokenGeneration: (accountId: string) => `token-generation:${accountId}`,
  pendingConsent: (state: string) => `consent:${state}`,
  /** Claimed by the one finishConsent that may use a state's code. */
  consentUsed: (state: string) => `consent-used:${state}`,
  /** A custom profile saved from the admin page (built-in ones live in code). */
  customProfile: (id: string) => `profile:${id}`,
  customProfilePrefix: 'profile:',
  /** Where the last trigger run stopped when its time ran out. */
  recheckBookmark: 'recheck-bookmark',
  /** The trigger's last run: when, how many were due and how many it queued. */
  recheckLastRun: 'recheck-last-run',
  /** Claimed by the consumer that checks an item on a UTC day: no item is checked twice that day. */
  recheckDone: (day: string, item: string) => `recheck-done:${day}:${item}`,
  recheckDonePrefix: (day: string) => `recheck-done:${day}:`,
  /** Claimed by the trigger that queues an item; it expires, so an event lost on the way is queued again. */
  recheckQueued: (day: string, item: string) => `recheck-queued:${day}:${item}`,
  recheckQueuedPrefix: (day: string) => `recheck-queued:${day}:`,
  recheckFailed: (day: string, item: string) => `recheck-failed:${day}:${item}`,
  recheckFailedPrefix: (day: string) => `recheck-failed:${day}:`,
  /** The organization ID for the token inventory and whether an admin key is stored (never the key). */
  orgInventorySettings: 'org-inventory-settings',
  /** Which chat app the reminder webhook is for, and its hint; the URL itself is a secret. */
  reminderSettings: 'reminder-settings',
  /**
   * Claimed before a reminder goes out, kept once it went: one reminder per item, expiry date and threshold,
   * ever. The date is in the key, so a renewed token gets its own reminders.
   */
  reminderSent: (item: string, date: string, threshold: number) => `reminder-sent:${item}:${date}:${threshold}`,
} as const;

export const secretKeys = {
  /** The chat incoming webhook URL the reminders post to: whoever has it can post to that channel. */
  reminderWebhook: 'reminder-webhook',
  clientSecret: (connectionId: string) => `client-secret:${connectionId}`,
  /** Only for people who opted in to periodic re-checks. */
  userToken: (accountId: string) => `user-token:${accountId}`,
  /** Only when an admin opted in to storing the organization admin API key for the token inventory. */
  orgAdminKey: 'org-admin-key',
} as const;
