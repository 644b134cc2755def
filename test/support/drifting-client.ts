import { createClient as createFetchClient } from '../../examples/fetch-client';
import type { ClientSettings, MpsdClient } from '../../harness/client/mpsd-client';

/**
 * A client "after an SDK change": it adds ready:false next to every active:true it sends. The body
 * stays schema-valid, so only the recordings can tell that the wire changed.
 */
export function createClient(settings: ClientSettings): MpsdClient {
  const inner = createFetchClient(settings);
  const drift = (body: unknown) => JSON.parse(JSON.stringify(body).replace(/"active":true/g, '"active":true,"ready":false'));
  return {
    ...inner,
    putSessionByHandle: (id, body, o) => inner.putSessionByHandle(id, drift(body), o),
    putSession: (ref, body, o) => inner.putSession(ref, drift(body), o),
  };
}
