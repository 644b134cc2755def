import type { Exchange } from '../contract/exchange';
import { contentTypeMatchesBody } from './content-type-matches-body';
import type { Check, Failure } from './failure';
import { handleResponseNamesSession } from './handle-response-names-session';
import { keysMatchDocumentedCase } from './keys-match-documented-case';
import { memberBookkeeping } from './member-bookkeeping';
import { responseCarriesNoCredential } from './response-carries-no-credential';
import { responseMatchesSchema } from './response-matches-schema';
import { sessionFieldsAgree } from './session-fields-agree';
import { sessionResponseHasEtag } from './session-response-has-etag';
import { statusIsDocumented } from './status-is-documented';
import { throttleHasRetryAfter } from './throttle-has-retry-after';

export type { Check, Failure } from './failure';

/** The checks every response goes through, in the order their failures are reported. */
export const RESPONSE_CHECKS: readonly Check[] = [
  throttleHasRetryAfter,
  statusIsDocumented,
  contentTypeMatchesBody,
  responseMatchesSchema,
  memberBookkeeping,
  sessionFieldsAgree,
  keysMatchDocumentedCase,
  sessionResponseHasEtag,
  handleResponseNamesSession,
  responseCarriesNoCredential,
];

export function runResponseChecks(exchange: Exchange): Failure[] {
  return RESPONSE_CHECKS.map((check) => check(exchange)).filter((f): f is Failure => f !== undefined);
}
