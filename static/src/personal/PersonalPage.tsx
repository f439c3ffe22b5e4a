import { useEffect, useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import Toggle from '@atlaskit/toggle';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { API_TOKENS_PAGE } from '../../../src/core/atlassian/pages';
import type { TokenReport } from '../../../src/core/checks/types';
import { expiresPhrase, isoDay, requireTokenExpiry, TOKEN_LIFETIME_DAYS, type Expiry } from '../../../src/core/expiry';
import { InputError } from '../../../src/core/model';
import type { ProfileSummary, TokenCheckSummary } from '../../../src/forge/api';
import type { PageContext } from '../bridge';
import { ErrorMessage } from '../components/ErrorMessage';
import { ExpiryLozenge } from '../components/ExpiryLozenge';
import { ExplainBox } from '../components/ExplainBox';
import { Field } from '../components/Field';
import { Loading } from '../components/Loading';
import { TextField } from '../components/TextField';
import { useAction, useResolver } from '../useResolver';
import { TokenReportView } from './TokenReportView';

const formStyles = xcss({ maxWidth: '560px' });

interface ProfileOption {
  label: string;
  value: string;
}

/** Token profiles first: on this page people check API tokens, not OAuth apps. */
function tokenProfiles(profiles: ProfileSummary[]): ProfileSummary[] {
  const forTokens = profiles.filter((profile) => profile.tokenKind === 'scoped-token' || profile.tokenKind === 'classic-token');
  return forTokens.length > 0 ? forTokens : profiles;
}

export default function PersonalPage({ context }: { context: PageContext }) {
  const me = useResolver('getMe', {});
  const profiles = useResolver('listProfiles', {});
  const status = useResolver('getMyTokenStatus', {});

  return (
    <Stack space="space.300">
      <Stack space="space.100">
        <Heading size="large" as="h1">
          Check my API token
        </Heading>
        <Text as="p" color="color.text.subtle">
          Paste the API token you gave an integration. Scope Doctor tells whether it is classic or scoped, which URL it works on, which scopes it lacks and when
          it expires. The token is used for this check only, unless you turn on daily re-checks.
        </Text>
      </Stack>
      {me.result.state === 'error' && <ErrorMessage error={me.result.error} onRetry={me.reload} />}
      {profiles.result.state === 'error' && <ErrorMessage error={profiles.result.error} onRetry={profiles.reload} />}
      {status.result.state === 'error' && <ErrorMessage error={status.result.error} onRetry={status.reload} />}
      {status.result.state === 'ready' && status.result.data.expiry && <MyExpiryBanner expiry={status.result.data.expiry} />}
      {profiles.result.state === 'loading' || status.result.state === 'loading' ? (
        <Loading label="Loading your last check" />
      ) : (
        profiles.result.state === 'ready' && (
          <TokenCheck
            profiles={tokenProfiles(profiles.result.data)}
            email={me.result.state === 'ready' ? me.result.data.email : undefined}
            name={me.result.state === 'ready' ? me.result.data.displayName : context.displayName}
            last={status.result.state === 'ready' ? status.result.data.last : undefined}
            lastReport={status.result.state === 'ready' ? status.result.data.lastReport : undefined}
            expiry={status.result.state === 'ready' ? status.result.data.expiry : undefined}
            onStored={status.reload}
          />
        )
      )}
      <ExplainBox resolver="explainMyRequest" heading="Why did this fail?" />
    </Stack>
  );
}

/** Why the date cannot be a token's expiry date, in the words the server would use; undefined when it can. */
function dateRefusal(date: string, now: Date): string | undefined {
  try {
    requireTokenExpiry(date, now);
    return undefined;
  } catch (error) {
    return error instanceof InputError ? error.message : 'Enter the date as shown at id.atlassian.com → Security → API tokens.';
  }
}

/** The person's own reminder at 30, 7 and 1 days and once expired: their token only. */
function MyExpiryBanner({ expiry }: { expiry: Expiry }) {
  if (expiry.state === 'ok') return null;
  const urgent = expiry.state === 'expired' || expiry.state === 'tomorrow';
  const title = `Your API token ${expiresPhrase(expiry.days)} (${expiry.date})`;
  return (
    <SectionMessage appearance={urgent ? 'error' : 'warning'} title={title} testId="my-expiry-banner">
      <Text as="p">
        The integration stops working when it expires. Create a new token at {API_TOKENS_PAGE}, paste it into the integration, then check it here with its new
        expiry date.
      </Text>
    </SectionMessage>
  );
}

interface TokenCheckProps {
  profiles: ProfileSummary[];
  email: string | undefined;
  name: string | undefined;
  last: TokenCheckSummary | undefined;
  lastReport: TokenReport | undefined;
  /** The expiry date entered at the last check, read against today. */
  expiry: Expiry | undefined;
  /** A check or a forget changed what is stored: read the summary (history, what changed) again. */
  onStored: () => Promise<void>;
}

function TokenCheck({ profiles, email: knownEmail, name, last, lastReport, expiry, onStored }: TokenCheckProps) {
  // The token lives only here, and only until the check is sent.
  const [token, setToken] = useState('');
  const [email, setEmail] = useState(knownEmail ?? '');
  const [profileId, setProfileId] = useState(last?.profileId ?? profiles[0]?.id ?? '');
  // The expiry date belongs to the token it was entered for: like the token, it is cleared after each check.
  const [expiresOn, setExpiresOn] = useState('');
  const [dateError, setDateError] = useState<string>();
  const [recheck, setRecheck] = useState(last?.recheck ?? false);
  const [report, setReport] = useState<TokenReport | undefined>(lastReport);
  // Whether the server keeps a token of ours for re-checks, i.e. whether there is anything to forget.
  const [tokenKept, setTokenKept] = useState(last?.recheck ?? false);
  const check = useAction('checkMyToken');
  const forget = useAction('forgetMyToken');

  useEffect(() => {
    if (knownEmail) setEmail((current) => current || knownEmail);
  }, [knownEmail]);

  const options: ProfileOption[] = profiles.map((profile) => ({ label: profile.name, value: profile.id }));
  const profile = profiles.find((candidate) => candidate.id === profileId);

  const today = new Date();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // A date Atlassian could not have shown is refused here, before the token leaves the field (the form is
    // noValidate, so the page says why in its own words rather than the browser's bubble).
    const refusal = expiresOn ? dateRefusal(expiresOn, new Date()) : undefined;
    setDateError(refusal);
    if (refusal) return;
    const sent = token;
    setToken('');
    setExpiresOn('');
    const checked = await check.run({
      email: email.trim(),
      token: sent,
      profileId,
      recheck,
      ...(expiresOn ? { expiresOn } : {}),
    });
    if (!checked) return;
    setReport(checked);
    setTokenKept(recheck);
    await onStored();
  };

  const onForget = async () => {
    if (!(await forget.run({}))) return;
    setRecheck(false);
    setTokenKept(false);
    await onStored();
  };

  return (
    <Stack space="space.300">
      <Box xcss={formStyles}>
        <form onSubmit={(event) => void onSubmit(event)} aria-label="Check my API token" noValidate>
          <Stack space="space.200">
            {name && <Text>Signed in as {name}</Text>}
            <TextField
              id="token-value"
              label="API token"
              helper="Sent once to check it, then cleared from this page."
              type="password"
              value={token}
              onValueChange={setToken}
              autoComplete="off"
              isRequired
            />
            <TextField id="token-email" label="Email of your Atlassian account" type="email" value={email} onValueChange={setEmail} isRequired />
            <Field id="token-profile" label="Integration you use it for" helper={profile?.summary}>
              <Select<ProfileOption>
                inputId="token-profile"
                options={options}
                value={options.find((option) => option.value === profileId) ?? null}
                onChange={(option) => option && setProfileId(option.value)}
              />
            </Field>
            <TextField
              id="token-expiry"
              label="Expiry date (optional)"
              helper="Atlassian shows it on the API tokens page of your account; no API returns it."
              type="date"
              min={isoDay(today, TOKEN_LIFETIME_DAYS.min)}
              max={isoDay(today, TOKEN_LIFETIME_DAYS.max)}
              value={expiresOn}
              onValueChange={setExpiresOn}
              isInvalid={dateError !== undefined}
              aria-describedby={dateError ? 'token-expiry-error' : undefined}
            />
            {dateError && (
              <Text id="token-expiry-error" color="color.text.danger" size="small">
                {dateError}
              </Text>
            )}
            <Inline space="space.100" alignBlock="center">
              <Toggle id="token-recheck" isChecked={recheck} onChange={() => setRecheck((value) => !value)} />
              <label htmlFor="token-recheck">
                <Text>Re-check this token daily (keeps it as an encrypted app secret)</Text>
              </label>
            </Inline>
            <Inline space="space.100">
              <Button type="submit" appearance="primary" isLoading={check.pending} isDisabled={token === '' || email.trim() === '' || profileId === ''}>
                Check token
              </Button>
              {tokenKept && (
                <Button onClick={() => void onForget()} isLoading={forget.pending}>
                  Forget my token
                </Button>
              )}
            </Inline>
          </Stack>
        </form>
      </Box>
      {check.pending && <Loading label="Probing each scope with read-only requests" />}
      {check.error && <ErrorMessage error={check.error} />}
      {forget.error && <ErrorMessage error={forget.error} />}
      {report && (
        <Stack space="space.100">
          {expiry && (
            <Inline space="space.100" alignBlock="center" testId="my-token-expiry">
              <Text>Your token’s expiry:</Text>
              <ExpiryLozenge expiry={expiry} />
              <Text size="small" color="color.text.subtle">
                {expiry.date}
              </Text>
            </Inline>
          )}
          {/* The stored summary goes with the report it summarises, not with an older or a forgotten one. */}
          <TokenReportView report={report} summary={last?.checkedAt === report.checkedAt ? last : undefined} />
        </Stack>
      )}
    </Stack>
  );
}
