import { ERROR_CODES, HarnessError } from '../errors';
import { type ClientSettings, HttpMpsdClient, type MpsdClient } from './mpsd-client';

/** A throttled answer is retried this often, waiting up to this long each time (beyond that, the scenario sees it). */
export const THROTTLE_RETRIES = { attempts: 3, maxWaitMs: 5_000 };

export type ClientFactory = (settings: ClientSettings) => MpsdClient;

/** The client under test: the harness's own, or the createClient of the module MPSD_CLIENT names. */
export function clientFactory(modulePath: string | undefined): ClientFactory {
  if (!modulePath) return (settings) => new HttpMpsdClient(settings);
  const loaded = require(modulePath) as { createClient?: unknown; default?: { createClient?: unknown } };
  const create = loaded.createClient ?? loaded.default?.createClient;
  if (typeof create !== 'function') {
    throw new HarnessError(
      ERROR_CODES.CLIENT_MODULE_INVALID,
      `MPSD_CLIENT=${modulePath} exports no createClient(settings) function; export one that returns an MpsdClient (see examples/fetch-client.ts)`,
    );
  }
  return create as ClientFactory;
}
