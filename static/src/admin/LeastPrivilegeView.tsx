import { useState } from 'react';
import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { LeastPrivilegeView as View, ProfileSummary } from '../../../src/forge/api';
import { CopyButton } from '../components/CopyButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { PasteArea } from '../components/PasteArea';
import { ResultIndex } from '../components/ResultIndex';
import { ScopeCode } from '../components/ScopeCode';
import { ToolSection } from '../components/ToolSection';
import { useAction } from '../useResolver';
import { CustomProfileEditor } from './CustomProfileEditor';

const HEAD = {
  cells: [
    { key: 'scope', content: 'Scope', width: 30 },
    { key: 'kind', content: 'Type', width: 10 },
    { key: 'allows', content: 'What it allows', width: 25 },
    { key: 'for', content: 'Needed for', width: 35 },
  ],
};

/** From what an integration really calls: the fewest scopes that allow all of it, and a profile of it. */
export function LeastPrivilegeView() {
  const [text, setText] = useState('');
  const [view, setView] = useState<View | undefined>();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<ProfileSummary | undefined>();
  const run = useAction('leastPrivilege');

  const onFind = async () => {
    setEditing(false);
    setSaved(undefined);
    setView(await run.run({ text }));
  };

  return (
    <ToolSection
      heading="Least privilege from real traffic"
      testId="least-privilege"
      intro="Paste the endpoints an integration calls (one per line, such as GET /rest/agile/1.0/board), its log lines, or a HAR file. Scope Doctor finds the fewest scopes that allow all of them, granular wherever an endpoint takes granular scopes, and says whether that is a proven minimum."
      form={
        <>
          <PasteArea
            id="traffic-text"
            label="Requests the integration sends"
            value={text}
            onValueChange={setText}
            minimumRows={5}
            placeholder={'GET /rest/agile/1.0/board\nPUT /rest/agile/1.0/sprint/42\nhttps://acme.atlassian.net/rest/api/3/issue/ACME-1'}
          />
          <Box>
            <Button appearance="primary" onClick={() => void onFind()} isLoading={run.pending} isDisabled={text.trim() === ''}>
              Find the fewest scopes
            </Button>
          </Box>
        </>
      }
    >
      {run.error && <ErrorMessage error={run.error} />}
      {view && <Plan view={view} />}
      {view?.profileJson && !editing && !saved && (
        <Box>
          <Button onClick={() => setEditing(true)}>Make a custom profile from this</Button>
        </Box>
      )}
      {view?.profileJson && editing && (
        <CustomProfileEditor
          initial={view.profileJson}
          onSaved={(profile) => {
            setSaved(profile);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      )}
      {saved && (
        <SectionMessage appearance="success" title={`Saved the custom profile “${saved.name}”`} testId="least-privilege-saved">
          <Text as="p">Choose it when you add a connection, to check an app or a token against exactly this traffic.</Text>
        </SectionMessage>
      )}
    </ToolSection>
  );
}

function Plan({ view }: { view: View }) {
  const { report } = view;
  const { plan } = report;
  const headline = report.results.find((r) => r.id === 'least.plan');
  const rows = plan.scopes.map((scope) => ({
    key: scope.scope,
    cells: [
      {
        key: 'scope',
        content: (
          <Inline space="space.050" alignBlock="center">
            <ScopeCode scope={scope.scope} />
            <CopyButton text={scope.scope} />
          </Inline>
        ),
      },
      { key: 'kind', content: <Lozenge appearance={scope.kind === 'granular' ? 'new' : 'default'}>{scope.kind}</Lozenge> },
      { key: 'allows', content: <Text size="small">{scope.label ?? '—'}</Text> },
      {
        key: 'for',
        content: (
          <Stack space="space.025">
            {scope.neededFor.map((operation) => (
              <Text key={operation} size="small">
                <ScopeCode scope={operation} />
              </Text>
            ))}
          </Stack>
        ),
      },
    ],
  }));
  return (
    <Stack space="space.150" testId="least-privilege-plan">
      {headline && (
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Text weight="semibold">{headline.title}</Text>
          <Lozenge appearance={plan.exact ? 'success' : 'moved'} testId="least-privilege-exactness">
            {plan.exact ? 'Proven minimum' : `Bound: at least ${plan.lowerBound}`}
          </Lozenge>
          <CopyButton text={plan.scopes.map((s) => s.scope).join(' ')} label={`Copy ${plan.scopes.length} scopes`} />
        </Inline>
      )}
      {rows.length > 0 && <DynamicTable head={HEAD} rows={rows} label="Fewest scopes for the traffic" testId="least-privilege-table" />}
      <ResultIndex results={report.results.filter((r) => r.id !== 'least.plan')} testId="least-privilege-results" />
    </Stack>
  );
}
