import type { ReactNode } from 'react';
import Textfield, { type TextFieldProps as AtlaskitTextFieldProps } from '@atlaskit/textfield';
import { Field } from './Field';

export interface TextFieldProps extends Omit<AtlaskitTextFieldProps, 'id' | 'label' | 'value' | 'defaultValue' | 'onChange'> {
  id: string;
  label: string;
  helper?: ReactNode;
  value: string;
  onValueChange: (value: string) => void;
}

/** A labelled, controlled Atlaskit text field; any other Textfield prop passes through. */
export function TextField({ id, label, helper, value, onValueChange, ...rest }: TextFieldProps) {
  return (
    <Field id={id} label={label} helper={helper}>
      <Textfield {...rest} id={id} value={value} onChange={(event) => onValueChange(event.currentTarget.value)} />
    </Field>
  );
}
