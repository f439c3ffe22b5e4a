import { useState } from 'react';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { CloudIdReport } from '../../../src/core/checks/types';
import type { SiteInfo } from '../../../src/forge/api';
import { CopyButton } from '../components/CopyButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { QueryForm } from '../components/QueryForm';
import { ResultIndex } from '../components/ResultIndex';
import { ScopeCode } from '../components/ScopeCode';
import { useAction } from '../useResolver';

const cardStyles = xcss({
  backgroundColor: 'elevation.surface.sunken',
  borderRadius: 'radius.medium',
  padding: 'space.200',
});

/** Always at the top of the admin page: the site, its Cloud ID (copyable), and a lookup for other sites. */
export function SiteHeader({ site }: { site: SiteInfo }) {
  return (
    <Box xcss={cardStyles} testId="site-header">
      <Stack space="space.150">
        <Inline space="space.100" alignBlock="baseline" shouldWrap>
          <Heading size="medium" as="h2">
            {site.siteName}
          </Heading>
          <Text color="color.text.subtle">{site.siteUrl}</Text>
        </Inline>
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Text weight="semibold">Cloud ID</Text>
          <Text testId="cloud-id">
            <ScopeCode scope={site.cloudId} />
          </Text>
          <CopyButton text={site.cloudId} label="Copy Cloud ID" testId="copy-cloud-id" />
        </Inline>
        <Text size="small" color="color.text.subtle">
          {site.cloudIdHelp}
        </Text>
        <CloudIdLookup />
      </Stack>
    </Box>
  );
}

function CloudIdLookup() {
  const [report, setReport] = useState<CloudIdReport | undefined>();
  const lookup = useAction('lookupCloudId');

  const onSubmit = async (site: string) => {
    setReport(await lookup.run({ site }));
  };

  return (
    <Stack space="space.100">
      <QueryForm
        name="Look up the Cloud ID of another site"
        id="lookup-site"
        label="Cloud ID of another site"
        placeholder="other-site.atlassian.net"
        submitLabel="Look up"
        onSubmit={(site) => void onSubmit(site)}
        pending={lookup.pending}
        minWidth="280px"
        isCompact
      />
      {lookup.error && <ErrorMessage error={lookup.error} />}
      {/* A Cloud ID found is a fact to copy, not a check passed; only a failed lookup has findings. */}
      {report?.cloudId && (
        <Inline space="space.100" alignBlock="center" shouldWrap testId="lookup-result">
          <Text>
            Cloud ID of <Text weight="semibold">{report.site}</Text>
          </Text>
          <ScopeCode scope={report.cloudId} />
          <CopyButton text={report.cloudId} label="Copy" />
        </Inline>
      )}
      {report && !report.cloudId && <ResultIndex results={report.results} testId="lookup-result" />}
    </Stack>
  );
}
