import { createClient as createFetchClient } from '../../examples/fetch-client';
import type { ClientSettings, MpsdClient } from '../../harness/client/mpsd-client';

/** A client whose serializer writes booleans as strings: its bodies break the request schema. */
export function createClient(settings: ClientSettings): MpsdClient {
  const inner = createFetchClient(settings);
  const stringify = (body: unknown) => JSON.parse(JSON.stringify(body).replace(/"active":true/g, '"active":"true"'));
  return { ...inner, putSession: (ref, body, o) => inner.putSession(ref, stringify(body), o) };
}
