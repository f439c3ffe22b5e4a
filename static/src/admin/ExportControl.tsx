import { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import { Anchor, Inline, Text } from '@atlaskit/primitives';
import type { ExportFile, ExportFormat } from '../../../src/forge/api';
import { CopyButton } from '../components/CopyButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { useAction } from '../useResolver';

interface Prepared {
  file: ExportFile;
  url: string;
}

function startDownload({ file, url }: Prepared): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/**
 * The site's export, asked of the exportData resolver page by page (a site's whole export is more than one
 * call may read or answer) and saved as one file once every page is in: a failed page leaves no partial
 * file. Forge's Custom UI iframe allows downloads started by a click, but the click's activation may have
 * lapsed by the time the resolver answers, so the file also stays on offer as a link and as text to copy.
 */
export function ExportControl() {
  const exportData = useAction('exportData');
  const [prepared, setPrepared] = useState<Prepared | undefined>();
  const [pendingFormat, setPendingFormat] = useState<ExportFormat | undefined>();
  const [exported, setExported] = useState(0);

  // Each export replaces the last; its object URL is freed with it.
  useEffect(() => (prepared ? () => URL.revokeObjectURL(prepared.url) : undefined), [prepared]);

  /** Every page joined, or undefined when one failed (its error is then shown). */
  const allPages = async (format: ExportFormat): Promise<ExportFile | undefined> => {
    const contents: string[] = [];
    let count = 0;
    let page = await exportData.run({ format });
    while (page) {
      contents.push(page.content);
      count += page.tokenChecks;
      setExported(count);
      if (page.cursor === undefined) return { filename: page.filename, mimeType: page.mimeType, content: contents.join('') };
      page = await exportData.run({ format, cursor: page.cursor });
    }
    return undefined;
  };

  const run = async (format: ExportFormat) => {
    setPendingFormat(format);
    setExported(0);
    setPrepared(undefined);
    const file = await allPages(format);
    setPendingFormat(undefined);
    if (!file) return;
    const next = { file, url: URL.createObjectURL(new Blob([file.content], { type: file.mimeType })) };
    setPrepared(next);
    startDownload(next);
  };

  return (
    <Inline space="space.100" alignBlock="center" shouldWrap testId="export-control">
      <Text color="color.text.subtle">Export connections, token checks, scopes, history and changes (never a secret):</Text>
      {(['csv', 'json'] as const).map((format) => (
        <Button
          key={format}
          spacing="compact"
          isLoading={pendingFormat === format}
          isDisabled={pendingFormat !== undefined}
          onClick={() => void run(format)}
          testId={`export-${format}`}
        >
          {format.toUpperCase()}
        </Button>
      ))}
      {pendingFormat && (
        <Text size="small" color="color.text.subtle" testId="export-progress">
          Exporting… {exported} token checks so far
        </Text>
      )}
      {prepared && (
        <Inline space="space.100" alignBlock="center" testId="export-ready">
          <Text size="small">{prepared.file.filename}</Text>
          <Anchor href={prepared.url} download={prepared.file.filename} testId="export-download-again">
            Download again
          </Anchor>
          <CopyButton text={prepared.file.content} label="Copy text" testId="export-copy" />
        </Inline>
      )}
      {exportData.error && <ErrorMessage error={exportData.error} />}
    </Inline>
  );
}
