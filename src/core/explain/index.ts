export { explainRequest, explainText } from './explain';
export type { ExplainContext, ExplainedOperation, ExplainReport, RequestExplanation } from './explain';
export { entryOf, isCloudIdShape, matchOperation, normalisePath, suggestOperations } from './match';
export type { Entry, OperationMatch } from './match';
export { MAX_EXPLAIN_CHARS, parseRequests, splitUrl, statusIn } from './parse';
export type { CredentialKind, ObservedRequest, ParsedInput, RequestSource } from './parse';
export { tokenizeShell } from './shell';
