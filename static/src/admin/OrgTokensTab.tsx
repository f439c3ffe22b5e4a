import { useEffect, useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import Toggle from '@atlaskit/toggle';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { OrgInventorySettings, OrgInventoryView } from '../../../src/forge/api';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { TextField } from '../components/TextField';
import { describeSecret } from '../format';
import { useAction, useResolver } from '../useResolver';
import { OrgInventoryResult } from './OrgInventoryResult';

const formStyles = xcss({ maxWidth: '640px' });

/**
 * The organization's API tokens, read with an organization admin API key. The key is stored only when an
 * admin opts in; otherwise a pasted key is used for one run and cleared from the page.
 */
export function OrgTokensTab() {
  const { result, reload, replace } = useResolver('getOrgInventorySettings', {});
  if (result.state === 'loading') return <Loading label="Loading the organization settings" />;
  if (result.state === 'error') return <ErrorMessage error={result.error} onRetry={reload} />;
  return <OrgTokens settings={result.data} onSettings={replace} />;
}

function OrgTokens({ settings, onSettings }: { settings: OrgInventorySettings; onSettings: (settings: OrgInventorySettings) => void }) {
  const [orgId, setOrgId] = useState(settings.orgId ?? '');
  // The key lives only here, until it is sent.
  const [adminKey, setAdminKey] = useState('');
  const [storeKey, setStoreKey] = useState(settings.adminKey.set);
  const [inventory, setInventory] = useState<OrgInventoryView | undefined>();
  const run = useAction('runOrgInventory');
  const save = useAction('saveOrgInventorySettings');
  const forget = useAction('forgetOrgKey');
  const stored = settings.adminKey.set;

  useEffect(() => setStoreKey(stored), [stored]);

  const onRun = async (event: FormEvent) => {
    event.preventDefault();
    const key = adminKey.trim();
    setAdminKey('');
    const answer = await run.run({ orgId: orgId.trim(), ...(key ? { adminKey: key } : {}) });
    if (answer) setInventory(answer);
  };

  const onSave = async () => {
    const key = adminKey.trim();
    setAdminKey('');
    const saved = await save.run({ orgId: orgId.trim(), storeKey, ...(storeKey && key ? { adminKey: key } : {}) });
    if (saved) onSettings(saved);
  };

  const onForget = async () => {
    const answer = await forget.run({});
    if (!answer) return;
    const { forgotten: _forgotten, ...rest } = answer;
    onSettings(rest);
  };

  const canRun = orgId.trim() !== '' && (adminKey.trim() !== '' || stored);

  return (
    <Stack space="space.300">
      <Text as="p">
        Every managed user’s API tokens in your Atlassian organization — label, owner, created, expires, last used — with the expired, the expiring and the
        unused flagged, and beside each owner the last token check they ran on their personal page. Atlassian lists no token’s scopes.
      </Text>
      <Box xcss={formStyles}>
        <form onSubmit={(event) => void onRun(event)} aria-label="Organization token inventory">
          <Stack space="space.200">
            <TextField
              id="org-id"
              label="Organization ID"
              helper="In admin.atlassian.com/o/{organization ID}/…, and shown with the API key. Saved as a setting: it is not a secret."
              value={orgId}
              onValueChange={setOrgId}
              isRequired
            />
            <TextField
              id="org-admin-key"
              label="Organization admin API key"
              helper={
                stored
                  ? `Stored key: ${describeSecret(settings.adminKey)}. Leave this empty to use it; a key pasted here is used for this run only.`
                  : 'Atlassian Administration → Settings → API keys. Used for this run only, then cleared from this page, unless you store it below.'
              }
              type="password"
              value={adminKey}
              onValueChange={setAdminKey}
              autoComplete="off"
            />
            <KeyStorageNotice />
            <Inline space="space.100" alignBlock="center">
              <Toggle id="org-store-key" isChecked={storeKey} onChange={() => setStoreKey((value) => !value)} />
              <label htmlFor="org-store-key">
                <Text>Store the key as a Forge secret of this app on this site, so Jira admins can run the inventory without pasting it</Text>
              </label>
            </Inline>
            {stored && !storeKey && (
              <Text size="small" color="color.text.warning" testId="org-key-removed-on-save">
                Saving with this off deletes the stored key.
              </Text>
            )}
            <Inline space="space.100" shouldWrap>
              <Button type="submit" appearance="primary" isLoading={run.pending} isDisabled={!canRun}>
                Run inventory
              </Button>
              <Button
                onClick={() => void onSave()}
                isLoading={save.pending}
                isDisabled={orgId.trim() === '' || (storeKey && !stored && adminKey.trim() === '')}
              >
                Save settings
              </Button>
              {stored && (
                <Button appearance="warning" onClick={() => void onForget()} isLoading={forget.pending}>
                  Forget key
                </Button>
              )}
            </Inline>
          </Stack>
        </form>
      </Box>
      {[run.error, save.error, forget.error].map((error, index) => error && <ErrorMessage key={index} error={error} />)}
      {run.pending && <Loading label="Reading every page of the organization’s API tokens" />}
      {inventory && !run.pending && <OrgInventoryResult inventory={inventory} />}
    </Stack>
  );
}

/** Said before anyone pastes a key: what is stored, where, who can use it, what it can read, how to remove it. */
function KeyStorageNotice() {
  return (
    <SectionMessage appearance="information" title="Storing the organization key is up to you" testId="org-key-notice">
      <Stack space="space.100">
        <Text as="p">
          <Text weight="semibold">Nothing is stored unless you turn on “Store the key” and save.</Text> Without that, the key you paste is sent to Atlassian for
          one inventory and dropped.
        </Text>
        <Text as="p">
          <Text weight="semibold">What and where:</Text> the organization admin API key, kept encrypted in the Forge secret storage of this app on this Jira
          site. It is never shown again (only its last four characters), logged or exported. The organization ID is saved as an ordinary setting.
        </Text>
        <Text as="p">
          <Text weight="semibold">Who can use it:</Text> every Jira administrator of this site, through this page. With it, the app reads the API token list of
          every managed user in your organization (labels, owners, dates; never the tokens themselves) from api.atlassian.com.
        </Text>
        <Text as="p">
          <Text weight="semibold">How to remove it:</Text> “Forget key” deletes it from this site at once; revoke the key in Atlassian Administration → Settings
          → API keys so that it works nowhere.
        </Text>
      </Stack>
    </SectionMessage>
  );
}
