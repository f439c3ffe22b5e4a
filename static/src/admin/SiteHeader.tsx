import { useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Textfield from '@atlaskit/textfield';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { CloudIdReport } from '../../../src/core/checks/types';
import type { SiteInfo } from '../../../src/forge/api';
import { CopyButton } from '../components/CopyButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { ResultMessages } from '../components/ResultMessages';
import { ScopeCode } from '../components/ScopeCode';
import { VerdictLozenge } from '../components/VerdictLozenge';
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
  const [siteInput, setSiteInput] = useState('');
  const [report, setReport] = useState<CloudIdReport | undefined>();
  const lookup = useAction('lookupCloudId');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setReport(await lookup.run({ site: siteInput.trim() }));
  };

  return (
    <Stack space="space.100">
      <form onSubmit={onSubmit} aria-label="Look up the Cloud ID of another site">
        <Inline space="space.100" alignBlock="end" shouldWrap>
          <Box xcss={xcss({ minWidth: '280px' })}>
            <Field id="lookup-site" label="Cloud ID of another site">
              <Textfield
                id="lookup-site"
                placeholder="other-site.atlassian.net"
                value={siteInput}
                onChange={(event) => setSiteInput(event.currentTarget.value)}
                isCompact
              />
            </Field>
          </Box>
          <Button type="submit" isLoading={lookup.pending} isDisabled={siteInput.trim() === ''}>
            Look up
          </Button>
        </Inline>
      </form>
      {lookup.error && <ErrorMessage error={lookup.error} />}
      {report && (
        <Stack space="space.100" testId="lookup-result">
          <Inline space="space.100" alignBlock="center" shouldWrap>
            <VerdictLozenge status={report.verdict} />
            <Text weight="semibold">{report.site}</Text>
            {report.cloudId && (
              <>
                <ScopeCode scope={report.cloudId} />
                <CopyButton text={report.cloudId} label="Copy" />
              </>
            )}
          </Inline>
          <ResultMessages results={report.results} />
        </Stack>
      )}
    </Stack>
  );
}
