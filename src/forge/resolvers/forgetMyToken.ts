import { forgetToken } from '../tokens';
import { defineResolver } from './define';
import { noPayload } from './schemas';

export const forgetMyToken = defineResolver('forgetMyToken', 'self', noPayload, async (_payload, context, deps) => ({
  forgotten: await forgetToken(context.accountId, deps),
}));
