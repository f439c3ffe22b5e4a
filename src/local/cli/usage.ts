import { createRequire } from 'node:module';

const packageJson = createRequire(import.meta.url)('../../../package.json') as { version: string };
export const VERSION = `scope-doctor ${packageJson.version}`;

export const USAGE = `Scope Doctor: check that Jira Cloud integrations have the scopes, Cloud ID, OAuth 2.0 app and API tokens they need.

Usage: scope-doctor <command> [options]

Commands:
  scopes lint [--profile ID] [SCOPES… | -]     Lint a scope list (from arguments, or stdin with -)
  scopes for FILE|- [--profile-out FILE]       The fewest scopes for the requests in a list, HAR or log
  coverage --profile ID --scopes "…"           Which capabilities a scope list covers, what to add
  profiles [validate FILE | show ID|FILE]      List the built-in profiles, check a profile file, or spell one out
  checks                                       List every check, what it needs and the result ids it can produce
  cloud-id SITE                                Look up a site's Cloud ID (e.g. acme.atlassian.net)
  token --site SITE --email EMAIL [--profile ID] [--expires YYYY-MM-DD]
                                               Check an API token (from $SCOPE_DOCTOR_TOKEN or a hidden prompt)
  oauth --client-id ID --callback URL --scopes "…" [--profile ID]
                                               Check an OAuth 2.0 (3LO) app (secret from $SCOPE_DOCTOR_CLIENT_SECRET or a prompt)
  dc --base-url URL [--client-id ID] [--callback URL] [--scopes "…"] [--profile ID]
                                               Check a Jira Data Center application link and/or a personal
                                               access token ($SCOPE_DOCTOR_TOKEN) on your own Jira server
  explain [TEXT… | -] [--site SITE] [--scopes "…"] [--profile ID]
                                               Why a request failed: a URL, "METHOD URL", a curl command, log
                                               lines or a HAR file (stdin with -); credentials never printed
  tokens --org ORG_ID                          The organization's API tokens: expired, expiring, unused
                                               (organization API key from $SCOPE_DOCTOR_ADMIN_KEY or a prompt)
  doctor --config FILE                         Run every check a YAML or JSON config lists, with a summary
  export --format csv|json [--out FILE]        Export what scope-doctor start keeps: connections, token checks
                                               (never a token or secret), scopes, coverage, history, changes
  completion bash|zsh|fish                     Print a shell completion script
  emulator [--port N]                          Run the built-in Atlassian emulator until Ctrl-C
  start                                        Build and open the local web page over the emulator

Options:
  --profile-file PATH   Use a custom profile (JSON) instead of --profile
  --timeout SECONDS     How long a command's requests to Atlassian may take in all (default 25); what is
                        not known by then is reported as unknown ("ran out of time", exit 3)
  --json                Print the result model as JSON
  --quiet, -q           Print only what needs attention (no passing results, no progress lines)
  --color, --no-color   Colour the marks, or not (default: on a terminal, unless NO_COLOR is set)
  --help, --version     With a command (scope-doctor coverage --help): its help and examples

Environment:
  SCOPE_DOCTOR_TOKEN           An API token or personal access token (never given as an argument)
  SCOPE_DOCTOR_CLIENT_SECRET   An OAuth 2.0 client secret (never given as an argument)
  SCOPE_DOCTOR_ADMIN_KEY       An organization admin API key, for tokens (never given as an argument)
  SCOPE_DOCTOR_ATLASSIAN_URL   Reach every Atlassian host through the emulator at this URL
  SCOPE_DOCTOR_DATA_DIR        The local data folder start keeps and export reads (default .scope-doctor)
  NO_COLOR                     Set (to anything) to print no colour; --color overrides it

Exit codes: 0 all passed (warnings allowed), 1 something failed, 2 bad usage or input, 3 could not tell
(also when --timeout ran out before anything failed).`;

/** Each command's own help (`scope-doctor <command> --help`): what it does, its options, examples. */
export const COMMAND_HELP: Record<string, string> = {
  scopes: `Usage: scope-doctor scopes lint [--profile ID | --profile-file PATH] [--json] [SCOPES… | -]
       scope-doctor scopes for (FILE | -) [--profile-out FILE [--profile-id ID] [--vendor NAME] [--token-kind oauth|scoped-token]] [--json]

Lints a scope list as people paste it: one per line, comma- or space-separated, console titles
("View sprints"), table rows or "Title – scope" lines. Exits 1 when an entry, as written, is not a scope
Atlassian would accept (unknown, a capital letter, a stray space); console titles are fine. With a profile,
the list is read as that vendor's (its guide settles ambiguous titles; Data Center words such as "Admin").

scopes for reads the requests an integration really sends (endpoints one per line, such as
"GET /rest/agile/1.0/board", URLs, log lines, or a HAR file from the browser) and prints the fewest scopes that
allow all of them: granular wherever an endpoint takes granular scopes, each with the operations it is for,
marked as a proven minimum or, past the search limit, a bound. It says when classic scopes would be fewer and
which endpoints take classic scopes only. --profile-out writes a custom profile of exactly these operations
(never over an existing file), for --profile-file or the admin page.

Examples:
  scope-doctor scopes lint "read:issue:Jira, read: board-scope:jira-software, View sprints"
  scope-doctor scopes lint - < scopes.txt
  scope-doctor scopes lint --profile kendis-dc-oauth Admin
  scope-doctor scopes for network.har
  scope-doctor scopes for - --profile-out acme-sync.json --vendor Acme --token-kind scoped-token < endpoints.txt`,
  coverage: `Usage: scope-doctor coverage (--profile ID | --profile-file PATH) --scopes "…" [--json]

Which of the integration's capabilities a scope list covers: the scopes to add (a missing required one
fails; a likely one warns, "ask the vendor"), the scopes safe to remove, and the ones kept because the
vendor's guide lists them. In --json, "excess" holds only scopes safe to remove.

Examples:
  scope-doctor coverage --profile kendis-cloud-oauth --scopes "View projects, View sprints, Update and delete sprints"
  scope-doctor coverage --profile targetprocess --scopes "read:jira-work write:jira-work" --json`,
  profiles: `Usage: scope-doctor profiles [--json]
       scope-doctor profiles validate FILE [--json]
       scope-doctor profiles show (ID | FILE) [--json]

Lists the built-in vendor profiles (one per vendor guide configuration) with their ids. A profile is also a
file format vendors can ship (schema/profile.schema.json; the built-in ones are in profiles/): validate checks
a file field by field, each problem on its own line (exit 1), and every scope and operation against Atlassian's
catalog, then whether the file's own vendorScopes cover its required capabilities. show spells a profile out:
each capability, the operations it calls, and the scope sets that allow each (all scopes of one set).

Examples:
  scope-doctor profiles
  scope-doctor profiles validate acme-sync.json
  scope-doctor profiles show kendis-cloud-oauth
  scope-doctor profiles show profiles/targetprocess.json --json`,
  checks: `Usage: scope-doctor checks [--json]

Lists every check Scope Doctor runs: its id, what it needs, the function that runs it, and each result id it
can produce with what that result is about (<name> marks a part that varies). The ids are those of --json
output and of scope-doctor doctor's summary.

Examples:
  scope-doctor checks
  scope-doctor checks --json`,
  'cloud-id': `Usage: scope-doctor cloud-id SITE [--timeout SECONDS] [--json]

Looks up a Jira Cloud site's Cloud ID (only *.atlassian.net sites). --timeout (default 25) bounds the whole
lookup, retries included: when it runs out the answer is unknown, exit 3.

Examples:
  scope-doctor cloud-id acme.atlassian.net
  scope-doctor cloud-id acme --json`,
  token: `Usage: scope-doctor token --site SITE --email EMAIL [--profile ID | --profile-file PATH] [--expires YYYY-MM-DD] [--timeout SECONDS] [--json]

Checks a user API token: classic or scoped, whose it is, and — with a profile — each scope the vendor's guide
asks the token for, by read-only probes. The token comes from $SCOPE_DOCTOR_TOKEN or a hidden prompt, never
from the command line (shells and process lists keep arguments). --timeout (default 25) bounds the whole
check from after the prompt: what is not known by then is unknown ("ran out of time"), exit 3.

Examples:
  SCOPE_DOCTOR_TOKEN=… scope-doctor token --site acme.atlassian.net --email ana@acme.com --profile kendis-user-token
  scope-doctor token --site acme --email ana@acme.com --expires 2026-11-30 --json`,
  oauth: `Usage: scope-doctor oauth --client-id ID --scopes "…" [--callback URL] [--profile ID | --profile-file PATH] [--timeout SECONDS] [--json]

Checks an OAuth 2.0 (3LO) app: its client ID and secret (with a deliberately invalid code, so nothing is
authorized), its callback URL and its scope list against the profile. The secret comes from
$SCOPE_DOCTOR_CLIENT_SECRET or a hidden prompt, never from the command line. --timeout (default 25) bounds
the credentials check: when it runs out they are unknown ("ran out of time"), exit 3.

Examples:
  SCOPE_DOCTOR_CLIENT_SECRET=… scope-doctor oauth --client-id … --profile oneconnect-oauth-full \\
    --callback https://eu.oneconnect.ai/oauth/jira/callback --scopes "read:jira-work read:issue:jira"`,
  dc: `Usage: scope-doctor dc --base-url URL [--client-id ID] [--callback URL] [--scopes "…"] [--profile ID | --profile-file PATH] [--timeout SECONDS] [--json]

Checks a Jira Data Center incoming application link (client ID and secret, redirect URL, permission) and/or
a personal access token, on your own Jira server. Secrets come from $SCOPE_DOCTOR_CLIENT_SECRET and
$SCOPE_DOCTOR_TOKEN (or a prompt for the client secret), never from the command line. --timeout (default 25)
bounds the requests to the server: what is not known by then is unknown ("ran out of time"), exit 3.

Examples:
  SCOPE_DOCTOR_CLIENT_SECRET=… scope-doctor dc --base-url https://jira.acme.com/jira --client-id … \\
    --callback https://acme.kendis.io/oauth/jira-server/callback --scopes Admin --profile kendis-dc-oauth
  SCOPE_DOCTOR_TOKEN=… scope-doctor dc --base-url https://jira.acme.com/jira`,
  explain: `Usage: scope-doctor explain [TEXT… | -] [--site SITE | --site CLOUD_ID] [--scopes "…"] [--profile ID | --profile-file PATH] [--timeout SECONDS] [--json]

Explains failing Jira requests from what you have: a URL (site or https://api.atlassian.com/ex/jira/{cloudId}),
"METHOD URL", a curl command, log lines with a status, or a HAR file saved from the browser (stdin with -).
For each request: the operation it is (the query string does not matter), the scope sets that allow it (all
scopes of one set; Jira Software endpoints take granular scopes only), what the status and headers say (a
missing scope, bad credentials, a scoped token on the site URL, a 404 that may be a permission), and whether
the URL's Cloud ID is the site's. With --scopes (what the token or app holds) or a profile (its guide's list):
exactly which scopes to add. Only the kind of credential in a curl command or HAR is read, never its value;
nothing is sent anywhere except, with --site NAME, the Cloud ID lookup, which --timeout (default 25) bounds.

Examples:
  scope-doctor explain "401 Unauthorized; scope does not match GET https://api.atlassian.com/ex/jira/1f0c…/rest/agile/1.0/board/12/sprint?state=active"
  scope-doctor explain --site acme.atlassian.net --scopes "read:board-scope:jira-software read:project:jira" - < network.har
  pbpaste | scope-doctor explain --profile kendis-user-token -`,
  tokens: `Usage: scope-doctor tokens --org ORG_ID [--timeout SECONDS] [--json]

Lists every API token the organization's managed users have (label, owner, created, expires, last used),
reading every page, and flags the expired ones, those expiring within 30, 7 and 1 days, and those unused for
90 days or more. It needs an organization admin API key (Atlassian Administration → Settings → API keys),
read from $SCOPE_DOCTOR_ADMIN_KEY or a hidden prompt, never from the command line; it is used for these
requests only and never stored. Atlassian lists no token's scopes: check a token itself with scope-doctor token.
--timeout (default 25) bounds the whole listing: what is not read by then is unknown, exit 3.

Examples:
  SCOPE_DOCTOR_ADMIN_KEY=… scope-doctor tokens --org 8f2a61c4-0d7e-4b9a-a1f3-5c6e7d8b9a01
  scope-doctor tokens --org 8f2a61c4-0d7e-4b9a-a1f3-5c6e7d8b9a01 --json`,
  doctor: `Usage: scope-doctor doctor --config FILE [--timeout SECONDS] [--json]

Runs every check the config lists, like npm doctor: one line per check as it finishes (a spinner while it
runs, on a terminal), then a table of verdicts. The config is YAML or JSON; it names the environment variables
that hold secrets (tokenEnv, clientSecretEnv, keyEnv), never the secrets themselves. Everything in it is
checked before the first request, one line per bad field. --timeout (default 25) bounds all the checks'
requests together. Exit codes as for every command: the worst check's.

  connections:                       # OAuth 2.0 (3LO) apps, as scope-doctor oauth
    - name: Kendis
      profile: kendis-cloud-oauth    # or profileFile: ./acme.json (relative to the config)
      clientId: …
      clientSecretEnv: KENDIS_CLIENT_SECRET
      callback: https://acme.kendis.io/oauth/jira/callback
      scopes: [read:project:jira, read:sprint:jira-software]
  tokens:                            # API tokens, as scope-doctor token
    - { site: acme.atlassian.net, email: ana@acme.com, tokenEnv: ANA_TOKEN, profile: kendis-user-token, expires: 2026-11-30 }
  profiles: [./acme.json]            # custom profile files to validate
  sites:                             # Cloud ID lookups, optionally the Cloud ID expected
    - acme.atlassian.net
    - { site: globex.atlassian.net, cloudId: 7c3e9a10-2d4b-4f6a-8b1c-0e5d7f9a3b64 }
  organizations:                     # API token inventories, as scope-doctor tokens
    - { id: 8f2a61c4-…, keyEnv: ACME_ADMIN_KEY }

Examples:
  scope-doctor doctor --config scope-doctor.yaml
  scope-doctor doctor --config scope-doctor.json --json > report.json`,
  export: `Usage: scope-doctor export --format csv|json [--out FILE]

Exports what scope-doctor start keeps in its data folder ($SCOPE_DOCTOR_DATA_DIR, default .scope-doctor), as
the admin page's Export does: every connection (client secret only "set" or "not set"), every person's last
token check (never the token), the scopes and coverage each was judged on, their history and what changed.
JSON is one versioned document (format "scope-doctor-export", version 1). CSV is one table with a "record"
column (connection, token, check, coverage, scope, history, change) and the item each row belongs to, to
filter on in a spreadsheet; a cell that starts with = + - @ is prefixed with ' so it is never run as a formula.
It only reads, so it may run while scope-doctor start does. Printed to stdout, or written to --out FILE.

Examples:
  scope-doctor export --format csv --out scope-doctor.csv
  scope-doctor export --format json | jq '.connections[] | {name, verdict}'`,
  completion: `Usage: scope-doctor completion bash|zsh|fish

Prints a completion script for the shell: commands, their subcommands and their options.

Examples:
  source <(scope-doctor completion bash)      # in ~/.bashrc
  source <(scope-doctor completion zsh)       # in ~/.zshrc, after compinit
  scope-doctor completion fish | source       # in ~/.config/fish/config.fish`,
  emulator: `Usage: scope-doctor emulator [--port N]

Runs the built-in Atlassian emulator with the demo tenant until Ctrl-C; point the CLI at it with
SCOPE_DOCTOR_ATLASSIAN_URL.

Examples:
  scope-doctor emulator --port 9911
  SCOPE_DOCTOR_ATLASSIAN_URL=http://127.0.0.1:9911 scope-doctor cloud-id acme`,
  start: `Usage: scope-doctor start

Builds the web page and serves the admin and personal pages over the emulator (PORT changes the port).

Examples:
  scope-doctor start
  PORT=8080 scope-doctor start`,
};
