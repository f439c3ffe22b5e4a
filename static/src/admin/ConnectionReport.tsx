import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { ScopeFinding } from '../../../src/core/scopes/types';
import type { ConnectionView } from '../../../src/forge/api';
import { CoverageTable } from '../components/CoverageTable';
import { ReportCard } from '../components/ReportCard';
import { ResultLines, ResultMessages } from '../components/ResultMessages';
import { ScopeCode, ScopeList } from '../components/ScopeCode';
import { VerdictLozenge } from '../components/VerdictLozenge';
import { timeAgo } from '../format';
import { ConsentTest } from './ConsentTest';

interface ConnectionReportProps {
  connection: ConnectionView;
  onUpdated: (connection: ConnectionView) => void;
}

export function ConnectionReport({ connection, onUpdated }: ConnectionReportProps) {
  const report = connection.lastReport;
  return (
    <ReportCard testId="connection-report">
      {report ? (
        <>
          <Inline space="space.100" alignBlock="center" shouldWrap>
            <Heading size="small" as="h3">
              {connection.name}
            </Heading>
            <VerdictLozenge status={report.verdict} testId="report-verdict" />
            <Text color="color.text.subtle">Checked {timeAgo(report.checkedAt)}</Text>
          </Inline>
          <ResultLines results={report.results} />
          {report.coverage && <CoverageTable coverage={report.coverage} />}
          {report.coverage && report.coverage.excess.length > 0 && (
            <Stack space="space.050">
              <Text weight="semibold">Granted but not needed (remove for least privilege)</Text>
              <ScopeList scopes={report.coverage.excess} />
            </Stack>
          )}
          <FindingsTable findings={report.findings} />
          <ResultMessages results={report.results} />
        </>
      ) : (
        <Text>Not checked yet. Use “Check now” to test the credentials, callback URL and scopes.</Text>
      )}
      <ConsentTest connection={connection} onUpdated={onUpdated} />
    </ReportCard>
  );
}

const FINDINGS_HEAD = {
  cells: [
    { key: 'input', content: 'You wrote', width: 35 },
    { key: 'message', content: 'Problem', width: 40 },
    { key: 'suggestion', content: 'Use instead', width: 25 },
  ],
};

/** What was wrong with the pasted scope list itself: typos, console titles, unknown strings. */
function FindingsTable({ findings }: { findings: readonly ScopeFinding[] }) {
  if (findings.length === 0) return null;
  const rows = findings.map((finding, index) => ({
    key: `${index}-${finding.input}`,
    cells: [
      { key: 'input', content: <ScopeCode scope={finding.input} /> },
      { key: 'message', content: finding.message },
      { key: 'suggestion', content: finding.suggestion ? <ScopeCode scope={finding.suggestion} /> : '—' },
    ],
  }));
  return (
    <Stack space="space.050">
      <Heading size="xsmall" as="h4">
        Scope list findings
      </Heading>
      <DynamicTable head={FINDINGS_HEAD} rows={rows} label="Problems in the pasted scope list" />
    </Stack>
  );
}
