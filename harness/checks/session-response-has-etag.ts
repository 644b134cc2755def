import { carriesSession } from '../contract/exchange';
import { type Check, failure } from './failure';

/** Every session response carries the ETag a client needs for If-Match (sections 1.3 and 3.4). */
export const sessionResponseHasEtag: Check = (e) => {
  if (!carriesSession(e) || e.response.headers.etag) return undefined;
  return failure(
    'session-response-has-etag',
    { status: e.response.status },
    `the ${e.response.status} session response has no ETag header`,
  );
};
