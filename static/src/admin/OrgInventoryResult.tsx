import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { TokenFlag } from '../../../src/core/checks/org-tokens';
import type { OrgInventoryView, OrgTokenRow, TokenCheckSummary } from '../../../src/forge/api';
import { ResultIndex } from '../components/ResultIndex';
import { ScopeList } from '../components/ScopeCode';
import { VerdictLozenge } from '../components/VerdictLozenge';
import { timeAgo } from '../format';
import { KIND_LABEL } from './TokensTab';

const ROWS_PER_PAGE = 25;
const FLAGS: Record<TokenFlag, { label: string; appearance: 'removed' | 'moved' | 'inprogress' | 'default'; order: number }> = {
  expired: { label: 'Expired', appearance: 'removed', order: 5 },
  'expires-1d': { label: 'Expires within 1 day', appearance: 'removed', order: 4 },
  'expires-7d': { label: 'Expires within 7 days', appearance: 'moved', order: 3 },
  'expires-30d': { label: 'Expires within 30 days', appearance: 'inprogress', order: 2 },
  'unused-90d': { label: 'Unused 90+ days', appearance: 'default', order: 1 },
};

const HEAD = {
  cells: [
    { key: 'label', content: 'Token', isSortable: true, width: 16 },
    { key: 'owner', content: 'Owner', isSortable: true, width: 18 },
    { key: 'expires', content: 'Expires', isSortable: true, width: 10 },
    { key: 'used', content: 'Last used', isSortable: true, width: 10 },
    { key: 'flags', content: 'Flags', isSortable: true, width: 14 },
    { key: 'check', content: 'Owner’s last token check', isSortable: true, width: 32 },
  ],
};

const day = (iso: string | undefined) => iso?.slice(0, 10) ?? '—';

/** The person's last check on the personal page, as the Tokens tab shows it: verdict, kind, when, missing scopes. */
function LastCheck({ check, note }: { check: TokenCheckSummary; note?: string }) {
  return (
    <Stack space="space.050">
      <Inline space="space.050" alignBlock="center" shouldWrap>
        <VerdictLozenge status={check.verdict} />
        <Lozenge>{KIND_LABEL[check.kind]}</Lozenge>
        <Text size="small">{timeAgo(check.checkedAt)}</Text>
      </Inline>
      {check.reason && (
        <Text size="small" color="color.text.subtle">
          {check.reason}
        </Text>
      )}
      {check.missing.length > 0 && <ScopeList scopes={check.missing} />}
      {note && (
        <Text size="small" color="color.text.subtlest">
          {note}
        </Text>
      )}
    </Stack>
  );
}

function toRow({ token, lastCheck, matchedBy }: OrgTokenRow) {
  const owner = token.user.email || token.user.name || token.user.id || 'Unknown owner';
  const flagOrder = Math.max(0, ...token.flags.map((flag) => FLAGS[flag].order));
  return {
    key: token.id,
    testId: `org-token-row-${token.id}`,
    cells: [
      { key: token.label.toLowerCase(), content: token.label },
      {
        key: owner.toLowerCase(),
        content: (
          <Stack space="space.025">
            <Text>{token.user.name ?? owner}</Text>
            {token.user.name && token.user.email && (
              <Text size="small" color="color.text.subtle">
                {token.user.email}
              </Text>
            )}
          </Stack>
        ),
      },
      // Tokens without a date sort last.
      { key: token.expiresAt ?? '9999', content: day(token.expiresAt) },
      { key: token.lastActiveAt ?? '', content: token.lastActiveAt ? day(token.lastActiveAt) : 'never' },
      {
        key: flagOrder,
        content: (
          <Inline space="space.050" shouldWrap>
            {token.flags.map((flag) => (
              <Lozenge key={flag} appearance={FLAGS[flag].appearance}>
                {FLAGS[flag].label}
              </Lozenge>
            ))}
          </Inline>
        ),
      },
      {
        key: lastCheck?.checkedAt ?? '',
        content: lastCheck ? (
          <LastCheck
            check={lastCheck}
            note={matchedBy === 'email' ? `Matched by email (${lastCheck.displayName} checked with ${lastCheck.email})` : `${lastCheck.displayName}’s check`}
          />
        ) : (
          <Text size="small" color="color.text.subtlest">
            No check on the personal page yet
          </Text>
        ),
      },
    ],
  };
}

export function OrgInventoryResult({ inventory }: { inventory: OrgInventoryView }) {
  const { report, rows, checkedNotInInventory } = inventory;
  return (
    <Stack space="space.200" testId="org-inventory">
      <Text size="small" color="color.text.subtle">
        {report.subject} · read {timeAgo(report.checkedAt)} with{' '}
        {inventory.keyUsed === 'stored' ? 'the stored key' : 'the key pasted for this run (not stored)'}
      </Text>
      <ResultIndex results={report.results} testId="org-inventory-results" />
      {rows.length > 0 && (
        <DynamicTable
          head={HEAD}
          rows={rows.map(toRow)}
          rowsPerPage={ROWS_PER_PAGE}
          defaultSortKey="flags"
          defaultSortOrder="DESC"
          label="The organization’s API tokens"
          testId="org-token-table"
        />
      )}
      <CheckedNotInInventory checks={checkedNotInInventory} readWhole={checkedNotInInventory !== undefined} />
    </Stack>
  );
}

function CheckedNotInInventory({ checks, readWhole }: { checks: readonly TokenCheckSummary[] | undefined; readWhole: boolean }) {
  if (!readWhole) {
    return (
      <Text size="small" color="color.text.subtle" testId="org-not-in-inventory">
        The list was not read whole, so it cannot tell who checked a token that is not in it.
      </Text>
    );
  }
  if (!checks || checks.length === 0) return null;
  return (
    <Stack space="space.100" testId="org-not-in-inventory">
      <Heading size="small" as="h3">
        {checks.length === 1 ? '1 person checked a token but owns' : `${checks.length} people checked a token but own`} none in this organization
      </Heading>
      <Text size="small" color="color.text.subtle">
        Their token may belong to an account the organization does not manage (a personal account, or another organization’s): ask them whose account made it.
      </Text>
      {checks.map((check) => (
        <Stack key={check.accountId} space="space.050" testId={`org-not-in-inventory-${check.accountId}`}>
          <Text weight="semibold">
            {check.displayName}
            {check.email ? ` · ${check.email}` : ''}
          </Text>
          <LastCheck check={check} />
        </Stack>
      ))}
    </Stack>
  );
}
