import Heading from '@atlaskit/heading';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { ConnectionView } from '../../../src/forge/api';
import { CoverageTable } from '../components/CoverageTable';
import { ReportHistory } from '../components/History';
import { Loading } from '../components/Loading';
import { ReportCard } from '../components/ReportCard';
import { ResultIndex } from '../components/ResultIndex';
import { VerdictLozenge } from '../components/VerdictLozenge';
import { clientChecks } from '../components/VerdictStrip';
import { timeAgo } from '../format';
import { ConsentTest } from './ConsentTest';
import { ScopeSources, sourceSentence } from './ScopeSources';

// Said once, beside the verdict and in the side-by-side lists, rather than again as index lines.
const SHOWN_ELSEWHERE = new Set(['oauth.scopes.source', 'oauth.scopes.difference']);

interface ConnectionReportProps {
  connection: ConnectionView;
  /** A check of this connection is running (e.g. right after Save). */
  checking?: boolean;
  onUpdated: (connection: ConnectionView) => void;
}

export function ConnectionReport({ connection, checking = false, onUpdated }: ConnectionReportProps) {
  const report = connection.lastReport;
  const source = sourceSentence(report?.scopeSource);
  return (
    <ReportCard testId="connection-report">
      {checking && <Loading label="Checking the credentials, callback URL and scopes against Atlassian" />}
      {report ? (
        <>
          <Stack space="space.050">
            <Inline space="space.100" alignBlock="center" shouldWrap>
              <Heading size="small" as="h3">
                {connection.name}
              </Heading>
              <VerdictLozenge status={report.verdict} testId="report-verdict" />
              <Text color="color.text.subtle">Checked {timeAgo(report.checkedAt)}</Text>
            </Inline>
            {source && (
              <Text size="small" color="color.text.subtle" testId="verdict-source">
                {source}
              </Text>
            )}
          </Stack>
          <ReportHistory points={clientChecks(connection.history)} change={connection.changes[0]} credential="secret" />
          <ResultIndex results={report.results.filter((result) => !SHOWN_ELSEWHERE.has(result.id))} />
          {report.scopeSource && <ScopeSources source={report.scopeSource} />}
          {report.coverage && <CoverageTable coverage={report.coverage} />}
        </>
      ) : (
        !checking && <Text>Not checked yet. Use “Check now” to test the credentials, callback URL and scopes.</Text>
      )}
      <ConsentTest connection={connection} onUpdated={onUpdated} />
    </ReportCard>
  );
}
