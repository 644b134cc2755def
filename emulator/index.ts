import type { AddressInfo } from 'node:net';
import { type Clock, fixedClock, systemClock } from './clock';
import { Faults } from './faults';
import { type IdSource, randomIds, seededIds } from './ids';
import { RtaHub } from './rta/hub';
import { serveRta } from './rta/socket';
import { createEmulatorServer, type RequestLog } from './server';
import { loadSocialGraph } from './social';
import type { EmulatorState } from './state';
import { Store } from './store';
import { DEFAULT_TEMPLATES_FILE, loadTemplates } from './templates';

export { TOKEN_FORMAT_HELP } from './auth';
export { DETERMINISTIC_EPOCH } from './clock';
export { FAULTS, type FaultName } from './faults';
export { EMULATOR_PROFILE } from './profile';

export interface EmulatorOptions {
  /** Seeded ids and a fixed clock, so the same requests always get the same bytes back. Default true. */
  deterministic?: boolean;
  /** Seed of the id sequence in deterministic mode; reset() can change it. */
  seed?: string;
  templatesFile?: string;
  /** Who follows whom (default emulator/social-graph.json). */
  socialGraphFile?: string;
  faults?: readonly string[];
  log?: RequestLog;
}

export interface Emulator {
  /** Base URL once started, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly clock: Clock;
  start(port?: number, host?: string): Promise<string>;
  stop(): Promise<void>;
  /** Make `follower` follow `followee` until the next reset (the per-test social graph API). */
  follow(follower: string, followee: string): void;
  /** Forget every session and handle, close every RTA connection and restart ids and clock (from `seed` when given). */
  reset(seed?: string): void;
  /** Resolves once the emulator has handled the close of this RTA connection (its members are inactive by then). */
  rtaClosed(connectionId: string): Promise<void>;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const deterministic = options.deterministic ?? true;
  const catalog = loadTemplates(options.templatesFile ?? DEFAULT_TEMPLATES_FILE);
  const faults = new Faults();
  faults.set(options.faults ?? []);
  const fresh = (seed: string): EmulatorState => {
    const clock = deterministic ? fixedClock() : systemClock();
    const ids = deterministic ? seededIds(seed) : (randomIds() as IdSource);
    const social = loadSocialGraph(options.socialGraphFile); // each reset starts from the file again
    return { store: new Store(), catalog, faults, clock, ids, social, rta: new RtaHub(ids, () => clock.now(), faults) };
  };
  let state = fresh(options.seed ?? 'mpsd-emulator');
  const server = createEmulatorServer(() => state, options.log);
  const sockets = serveRta(server, () => state);
  let url = '';

  return {
    get url() {
      return url;
    },
    get clock() {
      return state.clock;
    },
    start(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          url = `http://${host}:${address.port}`;
          resolve(url);
        });
      });
    },
    stop() {
      return new Promise((resolve) => {
        for (const socket of sockets.clients) socket.terminate();
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
    follow(follower, followee) {
      state.social.follow(follower, followee);
    },
    reset(seed) {
      state.rta.closeAll();
      state = fresh(seed ?? options.seed ?? 'mpsd-emulator');
    },
    rtaClosed(connectionId) {
      return state.rta.whenClosed(connectionId);
    },
  };
}
