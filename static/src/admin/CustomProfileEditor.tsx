import { useState } from 'react';
import Button from '@atlaskit/button/new';
import TextArea from '@atlaskit/textarea';
import { Inline, Stack } from '@atlaskit/primitives';
import type { ProfileSummary } from '../../../src/forge/api';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { useAction } from '../useResolver';

/** Used in the template when nothing is pasted yet, so the template itself is a valid profile. */
const EXAMPLE_SCOPE = 'read:jira-work';

/** The scopes box, read simply: words separated by whitespace or commas, without repeats. */
export function scopesFromBox(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter((word) => word !== ''))];
}

/** A small valid profile whose one capability needs exactly the scopes pasted in the form. */
export function profileTemplate(scopesText: string, callbackUrl: string): string {
  const pasted = scopesFromBox(scopesText);
  // offline_access is asked for in the authorize request, not needed by an operation: it is a flag here.
  const needed = pasted.filter((scope) => scope !== 'offline_access');
  const scopes = needed.length > 0 ? needed : [EXAMPLE_SCOPE];
  // No callback yet: an empty list means "the vendor makes one per customer", so nothing is compared.
  const callback = callbackUrl.trim();
  const template = {
    id: 'my-integration',
    name: 'My integration',
    vendor: 'My vendor',
    tokenKind: 'oauth',
    summary: 'What this integration does in Jira.',
    needsOfflineAccess: pasted.includes('offline_access'),
    callbackUrls: callback.startsWith('https://') ? [callback] : [],
    vendorScopes: pasted.length > 0 ? pasted : scopes,
    capabilities: [{ name: 'Everything this integration does', scopes }],
  };
  return JSON.stringify(template, null, 2);
}

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
      <Field
        id="custom-profile-json"
        label="Custom profile (JSON)"
        helper={
          <>
            id is kebab-case; tokenKind is oauth, scoped-token or classic-token; each capability lists the scopes
            (or operations, as {'{ "method": "GET", "path": "/rest/api/3/project" }'}) it needs. Saving an existing
            custom id replaces that profile.
          </>
        }
      >
        <TextArea
          id="custom-profile-json"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          minimumRows={14}
          resize="vertical"
          isMonospaced
          spellCheck={false}
        />
      </Field>
      {save.error && (
        <ErrorMessage
          error={save.error}
          title={problems > 1 ? `The profile has ${problems} problems` : undefined}
        />
      )}
      <Inline space="space.100">
        <Button onClick={onSave} isLoading={save.pending}>
          Save profile
        </Button>
        <Button appearance="subtle" onClick={onCancel}>
          Cancel
        </Button>
      </Inline>
    </Stack>
  );
}
