import { defineResolver } from './define';
import { noPayload } from './schemas';

export const getMe = defineResolver('getMe', 'self', noPayload, async (_payload, context, deps) => {
  const person = await deps.directory.person(context.accountId);
  return {
    accountId: context.accountId,
    ...person,
    isAdmin: await deps.permissions.isJiraAdmin(context.accountId),
  };
});
