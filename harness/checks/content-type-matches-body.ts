import { responseSchemaOf } from '../contract/exchange';
import { type Check, failure } from './failure';

/**
 * JSON documents say application/json; MPSD's plain error messages say text/plain (section 1.5).
 * A client that dispatches on Content-Type breaks when the label is wrong.
 */
export const contentTypeMatchesBody: Check = (e) => {
  const contentType = (e.response.headers['content-type'] ?? '').toLowerCase();
  if (responseSchemaOf(e) && !contentType.startsWith('application/json')) {
    return failure(
      'content-type-matches-body',
      { status: e.response.status, contentType },
      `the ${e.response.status} response carries a JSON document but says Content-Type: ${contentType || '(none)'}; expected application/json`,
    );
  }
  return undefined;
};
