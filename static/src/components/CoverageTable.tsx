import DynamicTable from '@atlaskit/dynamic-table';
import Lozenge from '@atlaskit/lozenge';
import { Stack, Text } from '@atlaskit/primitives';
import type { CapabilityCoverage, CapabilityStatus } from '../../../src/core/coverage/types';
import { scopeKind } from '../format';
import { ScopeList } from './ScopeCode';

const STATUS = {
  covered: { appearance: 'success', label: 'Granted' },
  'covered-by-classic': { appearance: 'moved', label: 'Classic only' },
  missing: { appearance: 'removed', label: 'Missing' },
} as const satisfies Record<CapabilityStatus, { appearance: string; label: string }>;

const HEAD = {
  cells: [
    { key: 'capability', content: 'Capability', width: 25 },
    { key: 'scopes', content: 'Scopes', width: 45 },
    { key: 'type', content: 'Type', width: 15 },
    { key: 'status', content: 'Status', width: 15 },
  ],
};

function typeOf(scopes: readonly string[]): string {
  const kinds = new Set(scopes.map(scopeKind));
  if (kinds.size === 0) return '—';
  return [...kinds].sort().join(' + ');
}

/** Entra "API permissions" style: one row per capability the integration needs. */
export function CoverageTable({ capabilities }: { capabilities: readonly CapabilityCoverage[] }) {
  const rows = capabilities.map((capability) => ({
    key: capability.name,
    cells: [
      { key: 'capability', content: <Text weight="semibold">{capability.name}</Text> },
      {
        key: 'scopes',
        content: (
          <Stack space="space.050">
            {capability.usedScopes.length > 0 && <ScopeList scopes={capability.usedScopes} />}
            {capability.missing.length > 0 && (
              <Stack space="space.025">
                <Text size="small" color="color.text.danger">
                  Add:
                </Text>
                <ScopeList scopes={capability.missing} />
              </Stack>
            )}
          </Stack>
        ),
      },
      { key: 'type', content: typeOf([...capability.usedScopes, ...capability.missing]) },
      {
        key: 'status',
        content: <Lozenge appearance={STATUS[capability.status].appearance}>{STATUS[capability.status].label}</Lozenge>,
      },
    ],
  }));
  return <DynamicTable head={HEAD} rows={rows} label="Scope coverage by capability" testId="coverage-table" />;
}
