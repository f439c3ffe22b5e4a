import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { Inline, Stack } from '@atlaskit/primitives';
import type { ProfileSummary } from '../../../src/forge/api';
import { ErrorMessage } from '../components/ErrorMessage';
import { PasteArea } from '../components/PasteArea';
import { useAction } from '../useResolver';

interface CustomProfileEditorProps {
  /** The JSON the box starts with. */
  initial: string;
  onSaved: (profile: ProfileSummary) => void;
  onCancel: () => void;
}

/** A profile as JSON for an integration with no built-in one; the server checks every field. */
export function CustomProfileEditor({ initial, onSaved, onCancel }: CustomProfileEditorProps) {
  const [text, setText] = useState(initial);
  const save = useAction('saveProfile');

  const onSave = async () => {
    const saved = await save.run({ profile: text });
    if (saved) onSaved(saved);
  };

  const problems = save.error?.code === 'invalid-input' ? save.error.message.split('\n').length : 0;

  return (
    <Stack space="space.100" testId="custom-profile-editor">
      <PasteArea
        id="custom-profile-json"
        label="Custom profile (JSON)"
        helper={
          <>
            id is kebab-case; tokenKind is oauth, scoped-token or classic-token; each capability lists the scopes (or operations, as{' '}
            {'{ "method": "GET", "path": "/rest/api/3/project" }'}) it needs. Saving an existing custom id replaces that profile.
          </>
        }
        value={text}
        onValueChange={setText}
        minimumRows={14}
      />
      {save.error && <ErrorMessage error={save.error} title={problems > 1 ? `The profile has ${problems} problems` : undefined} />}
      <Inline space="space.100">
        <Button onClick={() => void onSave()} isLoading={save.pending}>
          Save profile
        </Button>
        <Button appearance="subtle" onClick={onCancel}>
          Cancel
        </Button>
      </Inline>
    </Stack>
  );
}
