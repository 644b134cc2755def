import { carriesSession, specOf } from '../contract/exchange';
import { type Check, failure } from './failure';

export const SESSION_PATH = /^\/serviceconfigs\/[^/]+\/sessiontemplates\/[^/]+\/sessions\/[^/]+$/i;

/**
 * A session reached through a handle names itself in Content-Location (section 6): it is how
 * XSAPI learns which session the handle led to.
 */
export const handleResponseNamesSession: Check = (e) => {
  if (!specOf(e)?.viaHandle || !carriesSession(e)) return undefined;
  const location = e.response.headers['content-location'];
  if (!location)
    return failure(
      'handle-response-names-session',
      { status: e.response.status, contentLocation: null },
      `a ${e.response.status} session response through a handle has no Content-Location header; expected /serviceconfigs/{scid}/sessiontemplates/{template}/sessions/{name}`,
    );
  if (!SESSION_PATH.test(location))
    return failure(
      'handle-response-names-session',
      { status: e.response.status, contentLocation: location },
      `Content-Location ${JSON.stringify(location)} is not a direct session path /serviceconfigs/{scid}/sessiontemplates/{template}/sessions/{name}`,
    );
  return undefined;
};
