import { InputError } from '../model';
import type { Profile } from '../profiles/types';

const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** A required single-line value (client id, email): trimmed, not empty, not huge, no control characters. */
export function requireLine(value: string | undefined, field: string, label: string, maxLength = 256): string {
  const text = (value ?? '').trim();
  if (!text) throw new InputError(`${label} is required`, field);
  if (text.length > maxLength) throw new InputError(`${label} is too long (over ${maxLength} characters)`, field);
  if (CONTROL_CHARS.test(text)) throw new InputError(`${label} contains control characters`, field);
  return text;
}

/** A secret: checked for shape only, and never quoted back in the message. */
export function requireSecret(value: string | undefined, field: string, label: string): string {
  const text = (value ?? '').trim();
  if (!text) throw new InputError(`${label} is required`, field);
  if (text.length > 4096) throw new InputError(`${label} is too long to be valid`, field);
  if (/\s/.test(text) || CONTROL_CHARS.test(text)) throw new InputError(`${label} contains spaces or control characters`, field);
  return text;
}

export function requireEmail(value: string | undefined): string {
  const email = requireLine(value, 'email', 'Email', 254);
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new InputError(`"${email}" is not an email address`, 'email');
  return email;
}

/** `YYYY-MM-DD` that is a real calendar date, as a UTC midnight. */
export function parseIsoDate(value: string, field: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!date || !match || date.getUTCMonth() !== Number(match[2]) - 1 || date.getUTCDate() !== Number(match[3])) {
    throw new InputError('Enter the expiry date as YYYY-MM-DD', field);
  }
  return date;
}

/**
 * The Cloud checks (auth.atlassian.com, *.atlassian.net) cannot say anything about a Jira Data Center app
 * or token: those live on the customer's own server. Refuse rather than report a false failure.
 */
export function requireCloudProfile(profile: Profile | undefined): void {
  if (profile?.tokenKind !== 'dc-oauth') return;
  throw new InputError(
    `${profile.id} is a Jira Data Center profile: its app and tokens live on your own Jira server, not on Jira Cloud. Use scope-doctor dc --base-url https://your-jira-host --profile ${profile.id}`,
    'profile',
  );
}

/** The converse: `scope-doctor dc` checks Data Center profiles only. */
export function requireDataCenterProfile(profile: Profile | undefined): void {
  if (!profile || profile.tokenKind === 'dc-oauth') return;
  throw new InputError(
    `${profile.id} is a Jira Cloud profile (${profile.tokenKind}): use scope-doctor ${profile.tokenKind === 'oauth' ? 'oauth' : 'token'} for it, or a Data Center profile such as kendis-dc-oauth`,
    'profile',
  );
}
