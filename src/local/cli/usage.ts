import { createRequire } from 'node:module';

const packageJson = createRequire(import.meta.url)('../../../package.json') as { version: string };
export const VERSION = `scope-doctor ${packageJson.version}`;

export const USAGE = `Scope Doctor: check that Jira Cloud integrations have the scopes, Cloud ID, OAuth 2.0 app and API tokens they need.

Usage: scope-doctor <command> [options]

Commands:
  scopes lint [SCOPES… | -]                    Lint a scope list (from arguments, or stdin with -)
  coverage --profile ID --scopes "…"           Which capabilities a scope list covers, what to add
  profiles                                     List the built-in vendor profiles
  cloud-id SITE                                Look up a site's Cloud ID (e.g. acme.atlassian.net)
  token --site SITE --email EMAIL [--profile ID] [--expires YYYY-MM-DD]
                                               Check an API token (from $SCOPE_DOCTOR_TOKEN or a hidden prompt)
  oauth --client-id ID --callback URL --scopes "…" [--profile ID]
                                               Check an OAuth 2.0 (3LO) app (secret from $SCOPE_DOCTOR_CLIENT_SECRET or a prompt)
  dc --base-url URL [--client-id ID] [--callback URL] [--scopes "…"] [--profile ID]
                                               Check a Jira Data Center application link and/or a personal
                                               access token ($SCOPE_DOCTOR_TOKEN) on your own Jira server
  emulator [--port N]                          Run the built-in Atlassian emulator until Ctrl-C
  start                                        Build and open the local web page over the emulator

Options:
  --profile-file PATH   Use a custom profile (JSON) instead of --profile
  --json                Print the result model as JSON
  --help, --version

Environment:
  SCOPE_DOCTOR_ATLASSIAN_URL   Reach every Atlassian host through the emulator at this URL

Exit codes: 0 all passed (warnings allowed), 1 something failed, 2 bad usage or input, 3 could not tell.`;
