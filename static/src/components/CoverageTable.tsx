import DynamicTable from '@atlaskit/dynamic-table';
import Lozenge from '@atlaskit/lozenge';
import { Stack, Text } from '@atlaskit/primitives';
import type { CapabilityCoverage, CapabilityStatus, CoverageResult } from '../../../src/core/scope-coverage/types';
import { ScopeList } from './ScopeCode';

const STATUS = {
  covered: { appearance: 'success', label: 'Granted' },
  'covered-by-classic': { appearance: 'moved', label: 'Classic only' },
  missing: { appearance: 'removed', label: 'Missing' },
} as const satisfies Record<CapabilityStatus, { appearance: string; label: string }>;
// Only a console title or our reading says the integration needs a likely capability: ask, do not alarm.
const LIKELY_MISSING = { appearance: 'moved', label: 'Ask vendor' } as const;

function statusOf(capability: CapabilityCoverage) {
  return capability.status === 'missing' && capability.certainty === 'likely' ? LIKELY_MISSING : STATUS[capability.status];
}

const HEAD = {
  cells: [
    { key: 'capability', content: 'Capability', width: 22 },
    { key: 'scopes', content: 'Scopes', width: 28 },
    { key: 'type', content: 'Type', width: 10 },
    { key: 'allows', content: 'What it allows', width: 28 },
    { key: 'status', content: 'Status', width: 12 },
  ],
};

function typeOf(scopes: readonly string[], kindOf: CoverageResult['scopeKinds']): string {
  const kinds = new Set(scopes.flatMap((scope) => kindOf[scope] ?? []));
  if (kinds.size === 0) return '—';
  return [...kinds].sort().join(' + ');
}

/**
 * Entra "API permissions" style: one row per capability the integration needs. A report stored before
 * coverage named the scopes' kinds has none, and its Type column says "—".
 */
export function CoverageTable({
  coverage,
}: {
  coverage: Pick<CoverageResult, 'capabilities' | 'scopeLabels' | 'vendor'> & Partial<Pick<CoverageResult, 'scopeKinds'>>;
}) {
  const rows = coverage.capabilities.map((capability) => ({
    key: capability.name,
    cells: [
      {
        key: 'capability',
        content: (
          <Stack space="space.025">
            <Text weight="semibold">{capability.name}</Text>
            {capability.note && (
              <Text size="small" color="color.text.subtlest">
                {capability.note}
              </Text>
            )}
          </Stack>
        ),
      },
      {
        key: 'scopes',
        content: (
          <Stack space="space.050">
            {capability.usedScopes.length > 0 && <ScopeList scopes={capability.usedScopes} />}
            {capability.missing.length > 0 && (
              <Stack space="space.025">
                {capability.certainty === 'likely' ? (
                  <Text size="small" color="color.text.warning">
                    Ask {coverage.vendor} whether it {capability.ask ?? `needs “${capability.name}”`}; if so, add:
                  </Text>
                ) : (
                  <Text size="small" color="color.text.danger">
                    Add:
                  </Text>
                )}
                <ScopeList scopes={capability.missing} />
              </Stack>
            )}
          </Stack>
        ),
      },
      { key: 'type', content: typeOf([...capability.usedScopes, ...capability.missing], coverage.scopeKinds ?? {}) },
      { key: 'allows', content: <Allows scopes={[...capability.usedScopes, ...capability.missing]} labels={coverage.scopeLabels} /> },
      {
        key: 'status',
        content: <Lozenge appearance={statusOf(capability).appearance}>{statusOf(capability).label}</Lozenge>,
      },
    ],
  }));
  return <DynamicTable head={HEAD} rows={rows} label="Scope coverage by capability" testId="coverage-table" />;
}

/** Atlassian's one-line description of each scope in the row, so nobody has to look a scope up. */
function Allows({ scopes, labels }: { scopes: readonly string[]; labels: Readonly<Record<string, string>> }) {
  const described = [...new Set(scopes)].filter((scope) => labels[scope]);
  if (described.length === 0) return <Text color="color.text.subtlest">—</Text>;
  return (
    <Stack space="space.050">
      {described.map((scope) => (
        <Text key={scope} size="small">
          {labels[scope]}
        </Text>
      ))}
    </Stack>
  );
}
