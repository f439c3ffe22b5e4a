import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { ExplainReport, RequestExplanation } from '../../../src/core/explain';
import { CopyButton } from './CopyButton';
import { ReportCard } from './ReportCard';
import { ResultIndex } from './ResultIndex';
import { ScopeCode } from './ScopeCode';
import { VerdictLozenge } from './VerdictLozenge';

/** Results shown as their own block above, not again as lines. */
const SHOWN_APART = new Set(['explain.operation', 'explain.scopes']);
const requestStyles = xcss({ font: 'font.code', overflowWrap: 'anywhere' });

/** One card per distinct request: what it is, the sets that allow it, what went wrong and the fix. */
export function ExplainResult({ report }: { report: ExplainReport }) {
  return (
    <Stack space="space.200" testId="explain-result">
      {report.requests.map((request, index) => (
        <RequestCard key={`${request.request} ${request.status ?? ''} ${index}`} request={request} testId={`explain-request-${index}`} />
      ))}
      {report.results.length > 0 && (
        <Stack space="space.100" testId="explain-summary">
          <Heading size="xsmall" as="h4">
            {report.requests.length > 1 ? `All ${report.requests.length} requests` : 'Also'}
          </Heading>
          <ResultIndex results={report.results} testId="explain-summary-results" />
        </Stack>
      )}
    </Stack>
  );
}

function RequestCard({ request, testId }: { request: RequestExplanation; testId: string }) {
  const operation = request.results.find((r) => r.id === 'explain.operation');
  return (
    <ReportCard testId={testId}>
      <Stack space="space.100">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <VerdictLozenge status={request.verdict} testId={`${testId}-verdict`} />
          <Box xcss={requestStyles}>
            <Text weight="semibold">{request.request}</Text>
          </Box>
          {request.at.length > 1 && <Lozenge>{`×${request.at.length}`}</Lozenge>}
        </Inline>
        {operation && (
          <Text size="small" color={operation.status === 'unknown' ? 'color.text.warning' : 'color.text.subtle'}>
            {operation.title}
          </Text>
        )}
      </Stack>
      {request.scopeSets.length > 0 && <ScopeSets request={request} />}
      {/* The operation and its sets are shown above; only a problem with them needs a line too. */}
      <ResultIndex results={request.results.filter((r) => !(SHOWN_APART.has(r.id) && r.status === 'info'))} testId={`${testId}-results`} />
    </ReportCard>
  );
}

/** Any one set allows the request, when every scope of it is held. */
function ScopeSets({ request }: { request: RequestExplanation }) {
  return (
    <Stack space="space.075" testId="explain-scope-sets">
      <Text size="small" weight="semibold">
        {request.scopeSets.length === 1 ? 'Needs' : 'Needs every scope of one of these sets'}
        {request.granularOnly ? ' — granular scopes only: classic ones do not work here' : ''}
      </Text>
      {request.scopeSets.map((set, index) => (
        <Inline key={set.scopes.join(' ')} space="space.100" alignBlock="center" shouldWrap>
          {index > 0 && (
            <Text size="small" weight="bold">
              or
            </Text>
          )}
          <Lozenge appearance={set.kind === 'granular' ? 'new' : 'default'}>{set.kind}</Lozenge>
          {set.scopes.map((scope) => (
            <ScopeCode key={scope} scope={scope} />
          ))}
          <CopyButton text={set.scopes.join(' ')} label="Copy set" />
        </Inline>
      ))}
    </Stack>
  );
}
