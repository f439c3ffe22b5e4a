import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { Box } from '@atlaskit/primitives';
import type { ExplainReport } from '../../../src/core/explain';
import { ErrorMessage } from './ErrorMessage';
import { ExplainResult } from './ExplainResult';
import { PasteArea } from './PasteArea';
import { TextField } from './TextField';
import { ToolSection } from './ToolSection';
import { useAction } from '../useResolver';

interface ExplainBoxProps {
  /** The admin page's resolver, or the personal page's, which anyone may call. */
  resolver: 'explainRequest' | 'explainMyRequest';
  heading: string;
}

/** Paste what failed — a URL, a curl command, a log line, a HAR — and see why, with the fix. */
export function ExplainBox({ resolver, heading }: ExplainBoxProps) {
  const [text, setText] = useState('');
  const [scopes, setScopes] = useState('');
  const [report, setReport] = useState<ExplainReport | undefined>();
  const explain = useAction(resolver);

  const onExplain = async () => {
    setReport(await explain.run({ text, ...(scopes.trim() ? { scopes } : {}) }));
  };

  return (
    <ToolSection
      heading={heading}
      testId="explain-box"
      intro="Paste a URL, “METHOD URL”, a curl command, log lines with a status, or a HAR file from the browser’s network panel. Credentials in it are read for their kind only and never shown; nothing is stored or sent."
      form={
        <>
          <PasteArea
            id="explain-text"
            label="What failed"
            value={text}
            onValueChange={setText}
            minimumRows={5}
            placeholder="401 Unauthorized; scope does not match GET https://api.atlassian.com/ex/jira/{cloudId}/rest/agile/1.0/board/12/sprint?state=active"
          />
          <TextField
            id="explain-scopes"
            label="Scopes the token or app holds (optional)"
            placeholder="read:board-scope:jira-software, View projects"
            value={scopes}
            onValueChange={setScopes}
          />
          <Box>
            <Button appearance="primary" onClick={() => void onExplain()} isLoading={explain.pending} isDisabled={text.trim() === ''}>
              Explain
            </Button>
          </Box>
        </>
      }
    >
      {explain.error && <ErrorMessage error={explain.error} />}
      {report && <ExplainResult report={report} />}
    </ToolSection>
  );
}
