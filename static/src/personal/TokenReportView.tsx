import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { ScopeProbeResult, TokenReport } from '../../../src/core/checks/types';
import type { TokenCheckSummary } from '../../../src/forge/api';
import { CopyButton } from '../components/CopyButton';
import { ReportHistory } from '../components/History';
import { ReportCard } from '../components/ReportCard';
import { ResultIndex } from '../components/ResultIndex';
import { ScopeCode } from '../components/ScopeCode';
import { VerdictLozenge } from '../components/VerdictLozenge';
import { timeAgo } from '../format';

const KIND = {
  classic: { appearance: 'default', label: 'Classic API token' },
  scoped: { appearance: 'new', label: 'Scoped API token' },
  invalid: { appearance: 'removed', label: 'Not accepted' },
  unknown: { appearance: 'default', label: 'Kind unknown' },
} as const;

const PROBE = {
  held: { appearance: 'success', label: 'Held' },
  missing: { appearance: 'removed', label: 'Missing' },
  unknown: { appearance: 'default', label: 'Unknown' },
} as const satisfies Record<ScopeProbeResult['status'], { appearance: string; label: string }>;

const PROBE_HEAD = {
  cells: [
    { key: 'scope', content: 'Scope', width: 40, isSortable: true },
    { key: 'neededFor', content: 'Needed for', width: 45 },
    { key: 'status', content: 'Status', width: 15, isSortable: true },
  ],
};
const PROBE_ORDER = { missing: 0, unknown: 1, held: 2 } as const;

interface TokenReportViewProps {
  report: TokenReport;
  /** The stored summary of the person's checks, for their verdicts over time and what changed. */
  summary?: TokenCheckSummary | undefined;
}

/** A token check's report: on the personal page for one's own token, in the Tokens tab for an admin. */
export function TokenReportView({ report, summary }: TokenReportViewProps) {
  const rows = report.probes.map((probe) => ({
    key: probe.scope,
    cells: [
      { key: probe.scope, content: <ScopeCode scope={probe.scope} /> },
      { key: 'neededFor', content: probe.neededFor.join(', ') || '—' },
      {
        key: PROBE_ORDER[probe.status],
        content: <Lozenge appearance={PROBE[probe.status].appearance}>{PROBE[probe.status].label}</Lozenge>,
      },
    ],
  }));

  return (
    <ReportCard testId="token-report">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Heading size="small" as="h2">
          {report.site}
        </Heading>
        <VerdictLozenge status={report.verdict} testId="token-verdict" />
        <Lozenge appearance={KIND[report.kind].appearance} testId="token-kind">
          {KIND[report.kind].label}
        </Lozenge>
        <Text color="color.text.subtle">Checked {timeAgo(report.checkedAt)}</Text>
      </Inline>
      {summary && <ReportHistory points={summary.recentVerdicts ?? []} change={summary.latestChange} credential="token" />}
      <ResultIndex results={report.results} />
      {report.gatewayUrl && (
        <Stack space="space.050" testId="gateway-url">
          <Text weight="semibold">Base URL for this token</Text>
          <Inline space="space.100" alignBlock="center" shouldWrap>
            <ScopeCode scope={report.gatewayUrl} />
            <CopyButton text={report.gatewayUrl} label="Copy URL" />
          </Inline>
          <Text size="small" color="color.text.subtle">
            Scoped tokens work only through this gateway URL{report.cloudId ? ` (Cloud ID ${report.cloudId})` : ''}, not on https://{report.site}.
          </Text>
        </Stack>
      )}
      {rows.length > 0 && (
        <DynamicTable head={PROBE_HEAD} rows={rows} defaultSortKey="status" defaultSortOrder="ASC" label="Scope probes" testId="probe-table" />
      )}
    </ReportCard>
  );
}
