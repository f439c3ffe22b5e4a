import { lazy, Suspense, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { ScopeSource } from '../../../src/core/checks/types';
import { refreshTokenExpiry } from '../../../src/core/expiry';
import type { ConnectionView } from '../../../src/forge/api';
import { EmptyState } from '../components/EmptyState';
import { LatestChange } from '../components/History';
import { clientChecks, VerdictStrip } from '../components/VerdictStrip';
import { ErrorMessage } from '../components/ErrorMessage';
import { ExpiryLozenge } from '../components/ExpiryLozenge';
import { Loading } from '../components/Loading';
import { VerdictLozenge } from '../components/VerdictLozenge';
import { timeAgo } from '../format';
import { useAction, useResolver } from '../useResolver';
import { ConnectionReport } from './ConnectionReport';

/** The row's short form of the verdict's source. */
function sourceNote(source: ScopeSource | undefined): string {
  if (source?.used === 'consent') return ' · from the consented grant';
  if (source?.used === 'pasted') return ' · from the pasted list (unverified)';
  return '';
}

const rowStyles = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  padding: 'space.150',
});

// The form pulls in the Select component; most visits only read results, so load it when asked for.
const ConnectionForm = lazy(() => import('./ConnectionForm'));

type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'existing'; connection: ConnectionView };

export function ConnectionsTab() {
  const connections = useResolver('listConnections', {});
  const profiles = useResolver('listProfiles', {});
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [selectedId, setSelectedId] = useState<string | undefined>();
  // Save runs the check: the saved connection's report shows while it runs.
  const checkSaved = useAction('checkConnection');

  if (connections.result.state === 'loading' || profiles.result.state === 'loading') {
    return <Loading label="Loading connections" />;
  }
  if (connections.result.state === 'error') {
    return <ErrorMessage error={connections.result.error} onRetry={connections.reload} />;
  }
  if (profiles.result.state === 'error') {
    return <ErrorMessage error={profiles.result.error} onRetry={profiles.reload} />;
  }

  const list = connections.result.data;
  const profileList = profiles.result.data;
  const upsert = (saved: ConnectionView) => {
    const others = list.filter((connection) => connection.id !== saved.id);
    connections.replace([...others, saved].sort((a, b) => a.name.localeCompare(b.name)));
  };
  const selected = list.find((connection) => connection.id === selectedId);

  if (editing.kind !== 'none') {
    return (
      <Suspense fallback={<Loading label="Loading the form" />}>
        <ConnectionForm
          profiles={profileList}
          connection={editing.kind === 'existing' ? editing.connection : undefined}
          onSaved={(saved) => {
            upsert(saved);
            setSelectedId(saved.id);
            setEditing({ kind: 'none' });
            void checkSaved.run({ id: saved.id }).then((checked) => checked && upsert(checked));
          }}
          onDeleted={(id) => {
            connections.replace(list.filter((connection) => connection.id !== id));
            setEditing({ kind: 'none' });
          }}
          onCancel={() => setEditing({ kind: 'none' })}
          onReload={() => void connections.reload().then(() => setEditing({ kind: 'none' }))}
          onProfileSaved={(saved) => profiles.replace([...profileList.filter((profile) => profile.id !== saved.id), saved])}
          onProfileDeleted={(id) => profiles.replace(profileList.filter((profile) => profile.id !== id))}
        />
      </Suspense>
    );
  }

  return (
    <Stack space="space.200">
      <Inline spread="space-between" alignBlock="center">
        <Heading size="small" as="h2">
          Integrations connected to this site
        </Heading>
        <Button appearance="primary" onClick={() => setEditing({ kind: 'new' })}>
          Add connection
        </Button>
      </Inline>
      {list.length === 0 ? (
        <EmptyState
          title="No connections yet"
          description="Add the integration you're setting up (Kendis, OnePlan OneConnect, Targetprocess or your own): paste its client ID, secret and callback URL and save to check it, then run the consent test to see the scopes Atlassian really grants."
          action={<Button onClick={() => setEditing({ kind: 'new' })}>Add connection</Button>}
        />
      ) : (
        <Stack space="space.100" testId="connection-list">
          {list.map((connection) => (
            <ConnectionRow
              key={connection.id}
              connection={connection}
              profileName={profileList.find((profile) => profile.id === connection.profileId)?.name}
              isSelected={connection.id === selectedId}
              onSelect={() => setSelectedId(connection.id)}
              onChecked={(checked) => {
                upsert(checked);
                setSelectedId(checked.id);
              }}
              onEdit={() => setEditing({ kind: 'existing', connection })}
            />
          ))}
        </Stack>
      )}
      {checkSaved.error && <ErrorMessage error={checkSaved.error} />}
      {selected && <ConnectionReport connection={selected} checking={checkSaved.pending} onUpdated={upsert} />}
    </Stack>
  );
}

interface ConnectionRowProps {
  connection: ConnectionView;
  profileName: string | undefined;
  isSelected: boolean;
  onSelect: () => void;
  onChecked: (connection: ConnectionView) => void;
  onEdit: () => void;
}

function ConnectionRow({ connection, profileName, isSelected, onSelect, onChecked, onEdit }: ConnectionRowProps) {
  const check = useAction('checkConnection');
  const report = connection.lastReport;
  const refresh = connection.lastConsent && refreshTokenExpiry(connection.lastConsent, new Date());

  const onCheck = async () => {
    const checked = await check.run({ id: connection.id });
    if (checked) onChecked(checked);
  };

  return (
    <Box xcss={rowStyles} testId={`connection-row-${connection.id}`}>
      <Stack space="space.100">
        <Inline spread="space-between" alignBlock="center" shouldWrap space="space.100">
          <Stack space="space.050">
            <Inline space="space.100" alignBlock="center">
              <Text weight="semibold">{connection.name}</Text>
              {report ? <VerdictLozenge status={report.verdict} /> : <Lozenge>Not checked</Lozenge>}
            </Inline>
            <Text size="small" color="color.text.subtle">
              {profileName ?? connection.profileId}
              {' · '}
              {report ? `Checked ${timeAgo(report.checkedAt)}${sourceNote(report.scopeSource)}` : 'Never checked'}
            </Text>
            {refresh && (
              <Inline space="space.050" alignBlock="center" testId="refresh-token-expiry">
                <Text size="small">Refresh token from the consent test</Text>
                <ExpiryLozenge expiry={refresh} />
                <Text size="small" color="color.text.subtle">
                  consent again by {refresh.reconsentBy} (by {refresh.idleBy} if unused)
                </Text>
              </Inline>
            )}
            <VerdictStrip points={clientChecks(connection.history)} />
            <LatestChange change={connection.changes[0]} credential="secret" testId="latest-change" />
          </Stack>
          <Inline space="space.100">
            <Button appearance="primary" onClick={() => void onCheck()} isLoading={check.pending}>
              Check now
            </Button>
            {report && !isSelected && <Button onClick={onSelect}>Show results</Button>}
            <Button onClick={onEdit}>Edit</Button>
          </Inline>
        </Inline>
        {check.pending && (
          <Text size="small" color="color.text.subtle" testId="check-progress">
            Checking the credentials, callback URL and scopes against Atlassian…
          </Text>
        )}
        {check.error && <ErrorMessage error={check.error} />}
      </Stack>
    </Box>
  );
}
