import { useState } from 'react';
import Lozenge from '@atlaskit/lozenge';
import Select from '@atlaskit/select';
import { Inline } from '@atlaskit/primitives';
import type { ProfileSummary } from '../../../src/forge/api';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { InlineConfirm } from '../components/InlineConfirm';
import { useAction } from '../useResolver';
import { CustomProfileEditor } from './CustomProfileEditor';

interface ProfilePickerProps {
  profiles: ProfileSummary[];
  profileId: string;
  /** What the admin pasted in the form so far, for a new custom profile's starting JSON. */
  pasted: { scopes: string; callbackUrl: string };
  /** A profile was picked, or saved here; undefined when the picked one was deleted and none is left. */
  onPick: (profile: ProfileSummary | undefined) => void;
  /** A custom profile was saved (new or replaced): the list should include it. */
  onProfileSaved: (profile: ProfileSummary) => void;
  onProfileDeleted: (id: string) => void;
}

interface ProfileOption {
  label: string;
  value: string;
  custom?: boolean;
}

/** The picker's last entry: write a profile for an integration with no built-in one. */
const CUSTOM_OPTION: ProfileOption = { label: 'Custom profile…', value: '__custom__' };

function optionLabel(option: ProfileOption) {
  if (!option.custom) return option.label;
  return (
    <Inline space="space.100" alignBlock="center">
      <span>{option.label}</span>
      <Lozenge>custom</Lozenge>
    </Inline>
  );
}

/** The connection's integration profile: pick one, write a custom one, or delete a custom one. */
export function ProfilePicker({ profiles, profileId, pasted, onPick, onProfileSaved, onProfileDeleted }: ProfilePickerProps) {
  // The JSON the custom profile box starts with, while it is open.
  const [customDraft, setCustomDraft] = useState<string | undefined>();
  const removeProfile = useAction('deleteProfile');

  const profile = profiles.find((candidate) => candidate.id === profileId);
  const options: ProfileOption[] = [
    ...profiles.map((candidate) => ({ label: candidate.name, value: candidate.id, custom: candidate.source === 'custom' })),
    CUSTOM_OPTION,
  ];

  const pick = (chosen: ProfileSummary | undefined) => {
    setCustomDraft(undefined);
    removeProfile.clearError();
    onPick(chosen);
  };

  const onProfileChange = (option: ProfileOption | null) => {
    if (option === CUSTOM_OPTION || option?.value === CUSTOM_OPTION.value) {
      // The template reads the pasted titles with the scope catalog: loaded only when a custom profile is wanted.
      void import('../../../src/core/profiles/template').then(({ profileTemplate }) => setCustomDraft(profileTemplate(pasted.scopes, pasted.callbackUrl)));
      return;
    }
    const chosen = profiles.find((candidate) => candidate.id === option?.value);
    if (chosen) pick(chosen);
  };

  const onSaved = (saved: ProfileSummary) => {
    onProfileSaved(saved);
    // The profile was written from this form, which keeps the callback URL and scopes the admin pasted.
    pick(saved);
  };

  const onDeleteProfile = async () => {
    if (!profile) return;
    const deleted = await removeProfile.run({ id: profile.id });
    if (!deleted) return;
    onProfileDeleted(profile.id);
    pick(profiles.find((candidate) => candidate.id !== profile.id));
  };

  return (
    <>
      <Field
        id="connection-profile"
        label="Integration profile"
        helper={customDraft === undefined ? profile?.summary : 'Describe what the integration needs; the connection is checked against it.'}
      >
        <Select<ProfileOption>
          inputId="connection-profile"
          testId="connection-profile"
          options={options}
          value={customDraft !== undefined ? CUSTOM_OPTION : (options.find((option) => option.value === profileId) ?? null)}
          onChange={onProfileChange}
          formatOptionLabel={optionLabel}
        />
      </Field>
      {customDraft !== undefined && <CustomProfileEditor initial={customDraft} onSaved={onSaved} onCancel={() => setCustomDraft(undefined)} />}
      {customDraft === undefined && profile?.source === 'custom' && (
        // Keyed by the profile, so picking another one closes the question.
        <InlineConfirm
          key={profile.id}
          askLabel="Delete custom profile…"
          question={`Delete the custom profile ${profile.name}? Connections using it must move to another profile first.`}
          confirmLabel="Delete profile"
          onConfirm={onDeleteProfile}
          pending={removeProfile.pending}
          compact
        />
      )}
      {removeProfile.error && (
        <ErrorMessage error={removeProfile.error} title={removeProfile.error.code === 'conflict' ? 'This profile is still in use' : undefined} />
      )}
    </>
  );
}
