import { fetch } from '@forge/api';
import { realAtlassianHosts, systemClock } from '../../core/ports';
import type { AppDeps } from '../ports';
import { jiraDirectory, jiraPermissions } from './jira-people';
import { kvsSecrets, kvsStore } from './kvs-storage';
import { fetchNotifier } from './notifier';
import { forgeRecheckQueue } from './recheck-queue';

/** The app's dependencies inside Forge: real Atlassian hosts through Forge's egress-controlled fetch. */
export function forgeDeps(): AppDeps {
  return {
    recheckQueue: forgeRecheckQueue(),
    notifier: fetchNotifier(fetch),
    store: kvsStore,
    secrets: kvsSecrets,
    permissions: jiraPermissions,
    directory: jiraDirectory,
    checkDeps: { fetch, hosts: realAtlassianHosts, clock: systemClock },
    clock: systemClock,
    log: (line) => console.error(line),
  };
}
