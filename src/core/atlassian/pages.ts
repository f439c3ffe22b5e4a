/** Atlassian's own pages that fixes send people to; no imports, so the UI can use it without the client. */

/** Where a person lists, creates and revokes their API tokens (and sees each one's expiry date). */
export const API_TOKENS_PAGE = 'https://id.atlassian.com/manage-profile/security/api-tokens';
