import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { EndpointExplanation, ExploreResult, ScopeExplanation } from '../../../src/forge/api';
import { CopyButton } from '../components/CopyButton';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { QueryForm } from '../components/QueryForm';
import { ScopeCode } from '../components/ScopeCode';
import { useAction } from '../useResolver';
import { ExplainBox } from '../components/ExplainBox';
import { LeastPrivilegeView } from './LeastPrivilegeView';
import { pluralise } from '../../../src/core/text';

/** Long scopes (`read:jira-work`) allow hundreds of operations; show a sample, say how many more. */
const OPERATIONS_SHOWN = 8;

const itemStyles = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.small',
  padding: 'space.150',
});

export function ScopeExplorer() {
  const [result, setResult] = useState<ExploreResult | undefined>();
  const [query, setQuery] = useState('');
  const explore = useAction('explore');

  const onSubmit = async (asked: string) => {
    setQuery(asked);
    setResult(await explore.run({ query: asked }));
  };
  const suggestion = result?.didYouMean;

  return (
    <Stack space="space.200">
      <QueryForm
        name="Explore scopes and endpoints"
        id="explore-query"
        label="Scope, console title or endpoint"
        placeholder="write:sprint:jira-software, View sprints, GET /rest/agile/1.0/board"
        submitLabel="Explore"
        onSubmit={(asked) => void onSubmit(asked)}
        pending={explore.pending}
        appearance="primary"
        minWidth="360px"
      />
      {explore.error && <ErrorMessage error={explore.error} />}
      {result && result.scopes.length === 0 && result.endpoints.length === 0 && (
        <EmptyState
          title={`Nothing matches “${query}”`}
          description="Try a scope string (read:sprint:jira-software), a console title (View sprints) or an endpoint path (/rest/agile/1.0/board)."
          action={
            suggestion && (
              <Inline space="space.100" alignBlock="center" testId="explore-did-you-mean">
                <Text>Did you mean</Text>
                <Button onClick={() => void onSubmit(suggestion)} isLoading={explore.pending}>
                  {suggestion}
                </Button>
              </Inline>
            )
          }
        />
      )}
      {result && query && (result.scopes.length > 0 || result.endpoints.length > 0) && (
        <Text size="small" color="color.text.subtle">
          Results for “{query}”
        </Text>
      )}
      {result && result.scopes.length > 0 && (
        <Stack space="space.100" testId="explore-scopes">
          <Heading size="xsmall" as="h3">
            {pluralise(result.scopes.length, 'scope')}
          </Heading>
          {result.scopes.map((scope) => (
            <ScopeCard key={scope.scope} scope={scope} />
          ))}
        </Stack>
      )}
      {result && result.endpoints.length > 0 && (
        <Stack space="space.100" testId="explore-endpoints">
          <Heading size="xsmall" as="h3">
            {pluralise(result.endpoints.length, 'endpoint')}
          </Heading>
          {result.endpoints.map((endpoint) => (
            <EndpointCard key={`${endpoint.method} ${endpoint.path}`} endpoint={endpoint} />
          ))}
        </Stack>
      )}
      <ExplainBox resolver="explainRequest" heading="Explain a failing request" />
      <LeastPrivilegeView />
    </Stack>
  );
}

function ScopeCard({ scope }: { scope: ScopeExplanation }) {
  const shown = scope.operations.slice(0, OPERATIONS_SHOWN);
  return (
    <Box xcss={itemStyles}>
      <Stack space="space.100">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <ScopeCode scope={scope.scope} />
          <CopyButton text={scope.scope} />
          <Lozenge appearance={scope.kind === 'granular' ? 'new' : 'default'}>{scope.kind}</Lozenge>
          <Text size="small" color="color.text.subtle">
            {scope.product}
          </Text>
        </Inline>
        {scope.label && <Text>{scope.label}</Text>}
        {scope.consoleTitles.length > 0 && <Text size="small">Developer console: {scope.consoleTitles.map((title) => `“${title}”`).join(', ')}</Text>}
        {shown.length > 0 && (
          <Stack space="space.025">
            <Text size="small" weight="semibold">
              Allows {pluralise(scope.operations.length, 'operation')}
            </Text>
            {shown.map((operation) => (
              <Text key={`${operation.method} ${operation.path}`} size="small">
                <ScopeCode scope={`${operation.method} ${operation.path}`} />
                {operation.deprecated && ' (deprecated)'}
              </Text>
            ))}
            {scope.operations.length > shown.length && (
              <Text size="small" color="color.text.subtle">
                and {scope.operations.length - shown.length} more
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </Box>
  );
}

/** A token may call the endpoint when it holds every scope of at least one set. */
function EndpointCard({ endpoint }: { endpoint: EndpointExplanation }) {
  return (
    <Box xcss={itemStyles}>
      <Stack space="space.100">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <ScopeCode scope={`${endpoint.method} ${endpoint.path}`} />
          <Text size="small" color="color.text.subtle">
            {endpoint.operationId}
          </Text>
        </Inline>
        {endpoint.scopeSets.length === 0 && <Text size="small">No scopes listed (anonymous or unscoped).</Text>}
        {endpoint.scopeSets.map((set, index) => (
          <Stack key={set.scopes.join(' ')} space="space.050">
            {index > 0 && (
              <Text size="small" weight="bold">
                or
              </Text>
            )}
            <Inline space="space.100" alignBlock="center" shouldWrap>
              <Lozenge appearance={set.kind === 'granular' ? 'new' : 'default'}>{set.kind}</Lozenge>
              <Text size="small">{set.scopes.length > 1 ? 'all of:' : 'needs:'}</Text>
              {set.scopes.map((scope) => (
                <ScopeCode key={scope} scope={scope} />
              ))}
              <CopyButton text={set.scopes.join(' ')} label="Copy set" />
            </Inline>
          </Stack>
        ))}
      </Stack>
    </Box>
  );
}
