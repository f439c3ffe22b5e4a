import Heading from '@atlaskit/heading';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { Box, Stack, xcss } from '@atlaskit/primitives';
import { ErrorMessage } from '../components/ErrorMessage';
import { ExpiryBanner } from '../components/ExpiryBanner';
import { Loading } from '../components/Loading';
import { useResolver } from '../useResolver';
import { ConnectionsTab } from './ConnectionsTab';
import { ExpiryTab } from './ExpiryTab';
import { ExportControl } from './ExportControl';
import { OrgTokensTab } from './OrgTokensTab';
import { RecheckStatusLine } from './RecheckStatusLine';
import { ScopeExplorer } from './ScopeExplorer';
import { SiteHeader } from './SiteHeader';
import { TokensTab } from './TokensTab';

const panelStyles = xcss({ paddingBlock: 'space.200', width: '100%' });

export default function AdminPage() {
  // getSite is an admin resolver: its answer also tells us whether this person may use the page at all.
  const { result: site, reload } = useResolver('getSite', {});
  const expiring = useResolver('listExpiring', {});
  const items = expiring.result.state === 'ready' ? expiring.result.data : [];

  return (
    <Stack space="space.300">
      <Heading size="large" as="h1">
        Scope Doctor
      </Heading>
      {site.state === 'loading' && <Loading label="Loading site details" />}
      {site.state === 'error' && <ErrorMessage error={site.error} onRetry={reload} />}
      {site.state === 'ready' && (
        <>
          <SiteHeader site={site.data} />
          <RecheckStatusLine />
          {expiring.result.state === 'error' && <ErrorMessage error={expiring.result.error} onRetry={expiring.reload} />}
          <ExpiryBanner items={items} testId="expiry-banner" />
          <ExportControl />
          <Tabs id="scope-doctor-admin-tabs">
            <TabList>
              <Tab>Connections</Tab>
              <Tab>Tokens</Tab>
              <Tab>Scope explorer</Tab>
              <Tab>Organization tokens</Tab>
              <Tab>Expiry</Tab>
            </TabList>
            <TabPanel>
              <Box xcss={panelStyles}>
                <ConnectionsTab />
              </Box>
            </TabPanel>
            <TabPanel>
              <Box xcss={panelStyles}>
                <TokensTab />
              </Box>
            </TabPanel>
            <TabPanel>
              <Box xcss={panelStyles}>
                <ScopeExplorer />
              </Box>
            </TabPanel>
            <TabPanel>
              <Box xcss={panelStyles}>
                <OrgTokensTab />
              </Box>
            </TabPanel>
            <TabPanel>
              <Box xcss={panelStyles}>
                <ExpiryTab items={items} />
              </Box>
            </TabPanel>
          </Tabs>
        </>
      )}
    </Stack>
  );
}
