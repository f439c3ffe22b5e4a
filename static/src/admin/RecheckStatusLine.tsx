import Button from '@atlaskit/button/new';
import { Inline, Text } from '@atlaskit/primitives';
import type { RecheckStatus } from '../../../src/forge/api';
import { ErrorMessage } from '../components/ErrorMessage';
import { timeAgo } from '../format';
import { useAction, useResolver } from '../useResolver';

function describe(status: RecheckStatus): string {
  const lastRun = status.lastRun ? `Last run ${timeAgo(status.lastRun)}` : 'Not run yet';
  return `${lastRun} · ${status.due} due · ${status.queued} queued · ${status.checkedToday} checked today · ${status.failedToday} failed`;
}

/** The daily re-check at a glance, and a way to queue every item now (each still at most once a day). */
export function RecheckStatusLine() {
  const { result, replace, reload } = useResolver('getRecheckStatus', {});
  const recheckAll = useAction('recheckAllNow');

  if (result.state === 'error') return <ErrorMessage error={result.error} onRetry={reload} />;
  return (
    <Inline space="space.200" alignBlock="center" testId="recheck-status">
      <Text color="color.text.subtle">{result.state === 'ready' ? describe(result.data) : 'Loading the re-check status…'}</Text>
      <Button spacing="compact" isLoading={recheckAll.pending} onClick={() => void recheckAll.run({}).then((status) => status && replace(status))}>
        Re-check all now
      </Button>
      <Button spacing="compact" appearance="subtle" onClick={() => void reload()}>
        Refresh
      </Button>
      {recheckAll.error && <ErrorMessage error={recheckAll.error} />}
    </Inline>
  );
}
