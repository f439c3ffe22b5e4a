export { parseSite } from './site';
export { mapLimit } from './map-limit';
export { OUT_OF_TIME, timeLeft, withDeadline } from './deadline';
export { send, retryWaitMs, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from './request';
export type { ApiRequest, Credentials } from './request';
export {
  classifyReply,
  evidenceOf,
  isInconclusive,
  isRecord,
  parseRetryAfterSeconds,
  AUTH_DENIED_REASON_HEADER,
  AUTH_MISMATCH_FAILURE,
  FAILURE_CATEGORY_HEADER,
  SCOPE_CHECK_FAILURE,
  SCOPE_MISMATCH_MESSAGE,
} from './outcome';
export type { AnsweredKind, FailedOutcome, InconclusiveKind, OkOutcome, Outcome, OutcomeKind, RawReply } from './outcome';
export { gatewayBaseUrl, gatewayRequest, getAccessibleResources, getTenantInfo, postToken, siteRequest } from './endpoints';
export type { JiraMethod } from './endpoints';
export { isJiraMethod } from './endpoints';
export { DC_MYSELF_PATH, DC_TOKEN_PATH, getDataCenterMyself, parseDataCenterBaseUrl, postDataCenterToken } from './data-center';
