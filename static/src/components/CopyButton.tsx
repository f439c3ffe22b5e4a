import { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';

/** Clipboard API first; Forge iframes may refuse it, so fall back to a selected hidden textarea. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

interface CopyButtonProps {
  text: string;
  /** What the button copies, e.g. "Copy Cloud ID". */
  label?: string;
  testId?: string;
}

export function CopyButton({ text, label = 'Copy', testId }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  const onClick = async () => setState((await copyText(text)) ? 'copied' : 'failed');
  const caption = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed — select the text' : label;
  return (
    <Button spacing="compact" onClick={() => void onClick()} testId={testId} aria-live="polite">
      {caption}
    </Button>
  );
}
