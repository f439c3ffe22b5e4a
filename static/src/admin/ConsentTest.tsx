import { useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { ConsentReport, ConsentStart } from '../../../src/core/checks/types';
import { verdictOf } from '../../../src/core/model';
import type { ConnectionView } from '../../../src/forge/api';
import { ErrorMessage } from '../components/ErrorMessage';
import { ResultIndex } from '../components/ResultIndex';
import { TextField } from '../components/TextField';
import { VerdictLozenge } from '../components/VerdictLozenge';
import { timeAgo } from '../format';
import { useAction } from '../useResolver';

/** A consent that read a grant re-judges the connection, so its scope findings live in the connection's report. */
const isScopeFinding = (id: string) => id.startsWith('consent.coverage') || id === 'consent.offline-access';

/** How the consent itself went (sites, code exchange, redirect); its verdict leaves the scopes to the report. */
function ConsentResult({ consent }: { consent: ConsentReport }) {
  const results = consent.results.filter((result) => !isScopeFinding(result.id));
  return (
    <Stack space="space.100" testId="consent-result">
      <Inline space="space.100" alignBlock="center">
        <VerdictLozenge status={verdictOf(results)} />
        <Text color="color.text.subtle">Consent tested {timeAgo(consent.checkedAt)}</Text>
      </Inline>
      <ResultIndex results={results} testId="consent-results" />
    </Stack>
  );
}

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
          <Button onClick={() => void start.run({ id: connection.id }).then(setStarted)} isLoading={start.pending}>
            Start consent test
          </Button>
          <Text size="small" color="color.text.subtle">
            Consent as the integration would: the verdict then follows the scopes Atlassian really grants, and the code exchange shows whether the client secret
            works.
          </Text>
        </Inline>
      )}
      {start.error && <ErrorMessage error={start.error} />}
      {started && (
        <form onSubmit={(event) => void onFinish(event)} aria-label="Finish consent test">
          <Stack space="space.100">
            <Text as="p">
              1.{' '}
              <a href={started.authorizeUrl} target="_blank" rel="noopener noreferrer">
                Open the Atlassian consent screen
              </a>{' '}
              in a new tab and accept. 2. Copy the address you land on (it may show an error page; that is fine) and paste it here within a few minutes: the
              code in it lasts about 10 minutes and works once.
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
      {consent && <ConsentResult consent={consent} />}
    </Stack>
  );
}
