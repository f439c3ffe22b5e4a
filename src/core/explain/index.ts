export { explainText } from './explain';
export type { ExplainContext, ExplainedOperation, ExplainReport, RequestExplanation } from './explain';
export { entryOf, isCloudIdShape, matchOperation, normalisePath } from './match';
export type { Entry, OperationMatch } from './match';
export { MAX_EXPLAIN_CHARS, parseRequests } from './parse';
export type { CredentialKind, ObservedRequest, ParsedInput, RequestSource } from './parse';
