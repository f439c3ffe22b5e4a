import { useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { ConsentStart } from '../../../src/core/checks/types';
import type { ConnectionView } from '../../../src/forge/api';
import { CoverageTable } from '../components/CoverageTable';
import { ErrorMessage } from '../components/ErrorMessage';
import { ResultMessages } from '../components/ResultMessages';
import { ScopeList } from '../components/ScopeCode';
import { TextField } from '../components/TextField';
import { VerdictLozenge } from '../components/VerdictLozenge';
import { timeAgo } from '../format';
import { useAction } from '../useResolver';

const RESOURCES_HEAD = {
  cells: [
    { key: 'site', content: 'Site', width: 30 },
    { key: 'scopes', content: 'Scopes really granted', width: 70 },
  ],
};

interface ConsentTestProps {
  connection: ConnectionView;
  onUpdated: (connection: ConnectionView) => void;
}

/**
 * Optional live test: the admin consents as the integration would, pastes back where Atlassian redirected,
 * and sees the scopes and sites Atlassian really granted (the tokens are discarded right after).
 */
export function ConsentTest({ connection, onUpdated }: ConsentTestProps) {
  const [started, setStarted] = useState<ConsentStart | undefined>();
  const [redirectedUrl, setRedirectedUrl] = useState('');
  const start = useAction('startConsent');
  const finish = useAction('finishConsent');
  const consent = connection.lastConsent;

  const onFinish = async (event: FormEvent) => {
    event.preventDefault();
    if (!started) return;
    const updated = await finish.run({ id: connection.id, state: started.state, redirectedUrl: redirectedUrl.trim() });
    if (!updated) return;
    setStarted(undefined);
    setRedirectedUrl('');
    onUpdated(updated);
  };

  return (
    <Stack space="space.150">
      <Heading size="xsmall" as="h4">
        Live consent test
      </Heading>
      {!started && (
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Button onClick={async () => setStarted(await start.run({ id: connection.id }))} isLoading={start.pending}>
            Start consent test
          </Button>
          <Text size="small" color="color.text.subtle">
            Consent as the integration would, to see the scopes Atlassian really grants and whether it takes the client secret.
          </Text>
        </Inline>
      )}
      {start.error && <ErrorMessage error={start.error} />}
      {started && (
        <form onSubmit={onFinish} aria-label="Finish consent test">
          <Stack space="space.100">
            <Text as="p">
              1.{' '}
              <a href={started.authorizeUrl} target="_blank" rel="noopener noreferrer">
                Open the Atlassian consent screen
              </a>{' '}
              in a new tab and accept. 2. Copy the address you land on (it may show an error page; that is fine) and
              paste it here within a few minutes: the code in it lasts about 10 minutes and works once.
            </Text>
            <TextField
              id="consent-redirect"
              label="Redirected URL"
              value={redirectedUrl}
              onValueChange={setRedirectedUrl}
              placeholder={`${connection.callbackUrl}?code=…&state=…`}
            />
            <Inline space="space.100">
              <Button type="submit" appearance="primary" isLoading={finish.pending} isDisabled={redirectedUrl.trim() === ''}>
                Finish consent test
              </Button>
              <Button onClick={() => setStarted(undefined)}>Cancel</Button>
            </Inline>
          </Stack>
        </form>
      )}
      {finish.error && <ErrorMessage error={finish.error} />}
      {consent && (
        <Stack space="space.100" testId="consent-result">
          <Inline space="space.100" alignBlock="center">
            <VerdictLozenge status={consent.verdict} />
            <Text color="color.text.subtle">Consent tested {timeAgo(consent.checkedAt)}</Text>
          </Inline>
          <DynamicTable
            head={RESOURCES_HEAD}
            label="Sites and scopes granted by consent"
            rows={consent.resources.map((resource) => ({
              key: resource.id,
              cells: [
                { key: 'site', content: `${resource.name} (${resource.url})` },
                { key: 'scopes', content: <ScopeList scopes={resource.scopes} /> },
              ],
            }))}
          />
          {consent.coverage && <CoverageTable coverage={consent.coverage} />}
          <ResultMessages results={consent.results} />
        </Stack>
      )}
    </Stack>
  );
}
