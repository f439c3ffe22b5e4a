import type { ReactNode } from 'react';
import { Stack, Text } from '@atlaskit/primitives';

interface FieldProps {
  id: string;
  label: string;
  helper?: ReactNode;
  children: ReactNode;
}

/** A labelled form control (the label is tied to the control by id, for screen readers and tests). */
export function Field({ id, label, helper, children }: FieldProps) {
  return (
    <Stack space="space.050">
      <label htmlFor={id}>
        <Text weight="semibold" size="small" color="color.text.subtle">
          {label}
        </Text>
      </label>
      {children}
      {helper && (
        <Text size="small" color="color.text.subtlest">
          {helper}
        </Text>
      )}
    </Stack>
  );
}
