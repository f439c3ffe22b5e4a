import { useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { Status } from '../../../src/core/model';
import type { DataOf, TokenCheckSummary } from '../../../src/forge/api';
import { EmptyState } from '../components/EmptyState';
import { ExpiryLozenge } from '../components/ExpiryLozenge';
import { LatestChange } from '../components/History';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { ScopeList } from '../components/ScopeCode';
import { TextField } from '../components/TextField';
import { VerdictLozenge } from '../components/VerdictLozenge';
import { VerdictStrip } from '../components/VerdictStrip';
import { readExpiry } from '../../../src/core/expiry';
import { timeAgo } from '../format';
import { TokenReportView } from '../personal/TokenReportView';
import { useAction, useResolver } from '../useResolver';
import { pluralise } from '../../../src/core/text';

const ROWS_PER_PAGE = 25;
const SEVERITY: Record<Status, number> = { pass: 0, info: 0, warn: 1, unknown: 2, fail: 3 };
export const KIND_LABEL = { classic: 'Classic', scoped: 'Scoped', invalid: 'Invalid', unknown: 'Unknown' } as const;

const HEAD = {
  cells: [
    { key: 'user', content: 'User', isSortable: true, width: 18 },
    { key: 'profile', content: 'Profile', isSortable: true, width: 16 },
    { key: 'kind', content: 'Kind', isSortable: true, width: 10 },
    { key: 'verdict', content: 'Verdict', isSortable: true, width: 18 },
    { key: 'missing', content: 'Missing scopes', isSortable: true, width: 16 },
    { key: 'expires', content: 'Expires in', isSortable: true, width: 10 },
    { key: 'checked', content: 'Last checked', isSortable: true, width: 12 },
  ],
};

const filterStyles = xcss({ maxWidth: '360px' });

/** Everything the filter box matches against, lower-cased once per row. */
function searchText(summary: TokenCheckSummary, profileName: string): string {
  return [summary.displayName, profileName, summary.profileId, summary.kind, summary.verdict, summary.reason ?? '', ...summary.missing].join(' ').toLowerCase();
}

function toRow(summary: TokenCheckSummary, profileNames: ReadonlyMap<string, string>, onOpen: (summary: TokenCheckSummary) => void) {
  const profileName = profileNames.get(summary.profileId) ?? summary.profileId;
  const expiry = summary.expiresOn ? readExpiry(summary.expiresOn, new Date()) : undefined;
  return {
    key: `${summary.accountId}-${summary.profileId}`,
    cells: [
      {
        key: summary.displayName.toLowerCase(),
        content: (
          <Stack space="space.050" alignInline="start">
            <Text>{summary.displayName}</Text>
            <Button spacing="compact" onClick={() => onOpen(summary)} aria-label={`Open the report of ${summary.displayName}’s token check`}>
              Open report
            </Button>
          </Stack>
        ),
      },
      { key: profileName, content: profileName },
      { key: summary.kind, content: <Lozenge>{KIND_LABEL[summary.kind]}</Lozenge> },
      {
        key: SEVERITY[summary.verdict],
        content: (
          // A row that is not a pass says why, so the list alone tells what to chase.
          <Stack space="space.050">
            <Inline>
              <VerdictLozenge status={summary.verdict} />
            </Inline>
            {summary.reason && (
              <Text size="small" color="color.text.subtle">
                {summary.reason}
              </Text>
            )}
            <VerdictStrip points={summary.recentVerdicts ?? []} testId="token-verdict-strip" />
            <LatestChange change={summary.latestChange} credential="token" testId="token-latest-change" />
          </Stack>
        ),
      },
      {
        key: summary.missing.length,
        content: summary.missing.length > 0 ? <ScopeList scopes={summary.missing} /> : '—',
      },
      // Tokens without an expiry date sort last.
      { key: expiry?.days ?? Number.MAX_SAFE_INTEGER, content: expiry ? <ExpiryLozenge expiry={expiry} testId="token-expiry" /> : '—' },
      { key: summary.checkedAt, content: timeAgo(summary.checkedAt) },
    ],
  };
}

/** Every person's last token check on this site: never the tokens, only what was learnt about them. */
export function TokensTab() {
  const { result, reload } = useResolver('listTokenChecks', {});
  const profiles = useResolver('listProfiles', {});
  const [filter, setFilter] = useState('');
  const [opened, setOpened] = useState<DataOf<'getTokenCheck'> | undefined>();
  const open = useAction('getTokenCheck');
  // Stable across renders, so the rows are not rebuilt while a report loads.
  const openReport = open.run;
  const summaries = result.state === 'ready' ? result.data : undefined;
  const profileList = profiles.result.state === 'ready' ? profiles.result.data : undefined;
  const allRows = useMemo(() => {
    // Without the profile list (still loading or refused) rows fall back to the profile id.
    const names = new Map((profileList ?? []).map((profile) => [profile.id, profile.name]));
    return (summaries ?? []).map((summary) => ({
      text: searchText(summary, names.get(summary.profileId) ?? ''),
      row: toRow(summary, names, (chosen) => void openReport({ accountId: chosen.accountId }).then(setOpened)),
    }));
  }, [summaries, profileList, openReport]);
  const needle = filter.trim().toLowerCase();
  const rows = useMemo(() => allRows.filter(({ text }) => text.includes(needle)).map(({ row }) => row), [allRows, needle]);

  if (result.state === 'loading') return <Loading label="Loading token checks" />;
  if (result.state === 'error') return <ErrorMessage error={result.error} onRetry={reload} />;
  if (result.data.length === 0) {
    return (
      <EmptyState
        title="No token checks yet"
        description="Ask the people who paste API tokens into integrations to open Scope Doctor from their Jira personal settings and check their token. Their results show up here; the tokens never do."
      />
    );
  }

  return (
    <Stack space="space.150">
      <Box xcss={filterStyles}>
        <TextField id="token-filter" label="Filter" placeholder="Name, profile, verdict or scope" value={filter} onValueChange={setFilter} isCompact />
      </Box>
      <Text size="small" color="color.text.subtle" testId="token-count">
        {rows.length === result.data.length ? pluralise(rows.length, 'token check') : `${rows.length} of ${pluralise(result.data.length, 'token check')}`}
      </Text>
      <DynamicTable
        head={HEAD}
        rows={rows}
        rowsPerPage={ROWS_PER_PAGE}
        defaultSortKey="verdict"
        defaultSortOrder="DESC"
        label="Token checks"
        testId="token-table"
        emptyView={<Text>No token checks match “{filter}”.</Text>}
      />
      {open.pending && <Loading label="Opening the report" />}
      {open.error && <ErrorMessage error={open.error} />}
      {opened && (
        <TokenCheckDetail
          opened={opened}
          profileName={profileList?.find((profile) => profile.id === opened.summary.profileId)?.name}
          onClose={() => setOpened(undefined)}
        />
      )}
    </Stack>
  );
}

interface TokenCheckDetailProps {
  opened: DataOf<'getTokenCheck'>;
  profileName: string | undefined;
  onClose: () => void;
}

/** One row opened: whose token, for which integration, and the check's full report. */
function TokenCheckDetail({ opened, profileName, onClose }: TokenCheckDetailProps) {
  const { summary, report } = opened;
  return (
    <Stack space="space.100" testId="token-check-detail">
      <Inline spread="space-between" alignBlock="center">
        <Heading size="small" as="h3">
          {summary.displayName}’s token · {profileName ?? summary.profileId}
        </Heading>
        <Button onClick={onClose}>Close report</Button>
      </Inline>
      {report ? (
        <TokenReportView report={report} summary={summary} />
      ) : (
        <Text>
          Only the summary of this check was kept: {summary.reason ?? 'no reason recorded'}, checked {timeAgo(summary.checkedAt)}.
        </Text>
      )}
    </Stack>
  );
}
