/** "Why did this fail?" on the personal page: the admin page's explanation, for anyone's own request. */
import { defineResolver } from './define';
import { explainForSite, explainPayload } from './explainRequest';

export const explainMyRequest = defineResolver('explainMyRequest', 'self', explainPayload, explainForSite);
