import { useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import TextArea from '@atlaskit/textarea';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { ConnectionInput, ConnectionView, ProfileSummary } from '../../../src/forge/api';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { InlineConfirm } from '../components/InlineConfirm';
import { TextField } from '../components/TextField';
import { describeSecret } from '../format';
import { useAction } from '../useResolver';
import { ProfilePicker } from './ProfilePicker';

interface ConnectionFormProps {
  profiles: ProfileSummary[];
  /** Absent when adding a new connection. */
  connection?: ConnectionView;
  onSaved: (connection: ConnectionView) => void;
  onDeleted: (id: string) => void;
  onCancel: () => void;
  onReload: () => void;
  /** A custom profile was saved (new or replaced): the list should include it. */
  onProfileSaved: (profile: ProfileSummary) => void;
  onProfileDeleted: (id: string) => void;
}

/** What the vendor's callback URL must be, for the field's helper text. */
function callbackHelper(profile: ProfileSummary | undefined): string {
  if (profile?.callbackUrls.length) return `${profile.vendor} uses: ${profile.callbackUrls.join(' or ')} (must match exactly).`;
  if (profile?.callbackPattern)
    return `${profile.vendor} shows you your own, shaped like ${profile.callbackPattern}; it must match the developer console exactly.`;
  return 'Paste it from the integration; it must match the developer console exactly.';
}

export default function ConnectionForm({
  profiles,
  connection,
  onSaved,
  onDeleted,
  onCancel,
  onReload,
  onProfileSaved,
  onProfileDeleted,
}: ConnectionFormProps) {
  const initialProfile = profiles.find((profile) => profile.id === connection?.profileId) ?? profiles[0];
  const [form, setForm] = useState<Omit<ConnectionInput, 'clientSecret'>>(() =>
    connection
      ? {
          name: connection.name,
          profileId: connection.profileId,
          clientId: connection.clientId,
          callbackUrl: connection.callbackUrl,
          scopes: connection.scopes,
        }
      : // Nothing is pre-filled from the vendor's guide: a check judges what is configured, not what the guide says.
        { name: initialProfile?.name ?? '', profileId: initialProfile?.id ?? '', clientId: '', callbackUrl: '', scopes: '' },
  );
  // A stored secret is never shown; the admin either keeps it or types a replacement.
  const [replacingSecret, setReplacingSecret] = useState(!connection?.clientSecret.set);
  const [secret, setSecret] = useState('');
  const save = useAction('saveConnection');
  const remove = useAction('deleteConnection');

  const profile = profiles.find((candidate) => candidate.id === form.profileId);
  const update = (changes: Partial<typeof form>) => setForm((current) => ({ ...current, ...changes }));

  const onPickProfile = (chosen: ProfileSummary | undefined) => {
    if (!chosen) {
      update({ profileId: '' });
      return;
    }
    // Editing keeps the name the admin chose; a new connection takes the profile's.
    update(connection ? { profileId: chosen.id } : { profileId: chosen.id, name: chosen.name });
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save.run({
      id: connection?.id,
      version: connection?.version,
      connection: { ...form, ...(replacingSecret && secret !== '' ? { clientSecret: secret } : {}) },
    });
    setSecret('');
    if (saved) onSaved(saved);
  };

  const onDelete = async () => {
    if (!connection) return;
    const deleted = await remove.run({ id: connection.id });
    if (deleted) onDeleted(connection.id);
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} aria-label={connection ? `Edit ${connection.name}` : 'Add connection'}>
      <Stack space="space.200">
        <Heading size="small" as="h2">
          {connection ? `Edit ${connection.name}` : 'Add connection'}
        </Heading>
        <ProfilePicker
          profiles={profiles}
          profileId={form.profileId}
          pasted={{ scopes: form.scopes, callbackUrl: form.callbackUrl }}
          onPick={onPickProfile}
          onProfileSaved={onProfileSaved}
          onProfileDeleted={onProfileDeleted}
        />
        <TextField id="connection-name" label="Name" value={form.name} onValueChange={(name) => update({ name })} isRequired />
        <TextField
          id="connection-client-id"
          label="Client ID"
          helper="Developer console → your app → Settings."
          value={form.clientId}
          onValueChange={(clientId) => update({ clientId })}
          autoComplete="off"
          isRequired
        />
        {replacingSecret ? (
          <TextField
            id="connection-client-secret"
            label="Client secret"
            helper="Stored as a secret; it is never shown again."
            type="password"
            value={secret}
            onValueChange={setSecret}
            autoComplete="new-password"
          />
        ) : (
          <Stack space="space.050">
            <Text weight="semibold" size="small" color="color.text.subtle">
              Client secret
            </Text>
            <Inline space="space.100" alignBlock="center">
              <Text testId="secret-hint">{connection && describeSecret(connection.clientSecret)}</Text>
              <Button spacing="compact" onClick={() => setReplacingSecret(true)}>
                Replace
              </Button>
            </Inline>
          </Stack>
        )}
        <TextField
          id="connection-callback"
          label="Callback URL"
          helper={callbackHelper(profile)}
          value={form.callbackUrl}
          onValueChange={(callbackUrl) => update({ callbackUrl })}
        />
        <Field
          id="connection-scopes"
          label="Scopes in the developer console (optional, unverified)"
          helper="Scope strings or the console's permission titles, one per line or separated by spaces or commas. The consent test reads what Atlassian really grants; once it has, the verdict follows the grant and this list is compared with it."
        >
          <TextArea
            id="connection-scopes"
            value={form.scopes}
            onChange={(event) => update({ scopes: event.currentTarget.value })}
            placeholder="Paste from developer.atlassian.com → your app → Permissions"
            minimumRows={6}
            resize="vertical"
          />
        </Field>
        {profile && profile.vendorScopes.length > 0 && (
          <Inline space="space.100" alignBlock="center" shouldWrap>
            <Button spacing="compact" onClick={() => update({ scopes: profile.vendorScopes.join('\n') })}>
              Use the vendor’s list
            </Button>
            <Text size="small" color="color.text.subtlest">
              Fills the box with the {profile.vendorScopes.length} scopes the {profile.vendor} guide asks for: what the app should have, not proof that it does.
            </Text>
          </Inline>
        )}
        {save.error?.code === 'conflict' ? (
          <ErrorMessage
            error={{ ...save.error, message: 'Someone else saved this connection; reload to see their changes.' }}
            onRetry={onReload}
            retryLabel="Reload"
          />
        ) : (
          save.error && <ErrorMessage error={save.error} />
        )}
        {remove.error && <ErrorMessage error={remove.error} />}
        <Inline space="space.100" spread="space-between">
          <Inline space="space.100">
            <Button type="submit" appearance="primary" isLoading={save.pending}>
              Save and check
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </Inline>
          {connection && (
            <InlineConfirm
              askLabel="Delete…"
              question={`Delete ${connection.name} and its stored secret?`}
              confirmLabel="Delete"
              onConfirm={onDelete}
              pending={remove.pending}
            />
          )}
        </Inline>
      </Stack>
    </form>
  );
}
