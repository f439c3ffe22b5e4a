import { useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import { Box, Inline, xcss } from '@atlaskit/primitives';
import { TextField } from './TextField';

interface QueryFormProps {
  /** The form's accessible name. */
  name: string;
  id: string;
  label: string;
  placeholder: string;
  submitLabel: string;
  /** Called with the trimmed query. */
  onSubmit: (query: string) => void;
  pending: boolean;
  appearance?: 'default' | 'primary';
  minWidth: string;
  isCompact?: boolean;
}

/** One text field and a submit button that stays disabled while the field is blank. */
export function QueryForm({ name, id, label, placeholder, submitLabel, onSubmit, pending, appearance = 'default', minWidth, isCompact }: QueryFormProps) {
  const [query, setQuery] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(query.trim());
  };

  return (
    <form onSubmit={submit} aria-label={name}>
      <Inline space="space.100" alignBlock="end" shouldWrap>
        <Box xcss={xcss({ minWidth })}>
          <TextField id={id} label={label} placeholder={placeholder} value={query} onValueChange={setQuery} isCompact={isCompact} />
        </Box>
        <Button type="submit" appearance={appearance} isLoading={pending} isDisabled={query.trim() === ''}>
          {submitLabel}
        </Button>
      </Inline>
    </form>
  );
}
