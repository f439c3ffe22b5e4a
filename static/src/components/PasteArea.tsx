import type { ReactNode } from 'react';
import TextArea from '@atlaskit/textarea';
import { Field } from './Field';

interface PasteAreaProps {
  id: string;
  label: string;
  helper?: ReactNode;
  value: string;
  onValueChange: (value: string) => void;
  minimumRows: number;
  placeholder?: string;
}

/** A labelled, controlled box for pasted machine text (JSON, requests, logs): monospaced, no spell check. */
export function PasteArea({ id, label, helper, value, onValueChange, minimumRows, placeholder }: PasteAreaProps) {
  return (
    <Field id={id} label={label} helper={helper}>
      <TextArea
        id={id}
        value={value}
        onChange={(event) => onValueChange(event.currentTarget.value)}
        minimumRows={minimumRows}
        resize="vertical"
        isMonospaced
        spellCheck={false}
        {...(placeholder === undefined ? {} : { placeholder })}
      />
    </Field>
  );
}
