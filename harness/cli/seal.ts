import { spawnSync } from 'node:child_process';

/**
 * Replay reaches no network, also from what the tripwire cannot see (a child curl, a child node started
 * with a clean environment, DNS through a resolver the process made itself). On Linux the replayed mocha
 * runs in a network namespace of its own, with only its own loopback (`unshare`, from util-linux, as an
 * unprivileged user namespace): nothing in it, child or not, can open a connection out of it, not even
 * to a listener on the machine's loopback. Elsewhere, or where namespaces are not allowed, the
 * in-process tripwire is what guards the run, and the run header says so.
 */
export interface Seal {
  /** Put before the command: empty when the run is not sealed. */
  prefix: string[];
  /** What the run header says of the network. */
  network: string;
}

let probed: Seal | undefined;

export function replaySeal(): Seal {
  probed ??= probe();
  return probed;
}

const works = (args: string[]) => spawnSync('unshare', args, { stdio: 'ignore', timeout: 5_000 }).status === 0;

function probe(): Seal {
  const tripwireOnly = (why: string) => ({ prefix: [], network: `not sealed (${why}): the in-process tripwire refuses connections` });
  if (process.platform !== 'linux') return tripwireOnly('network namespaces are Linux only');
  if (!works(['-rn', 'true'])) return tripwireOnly('unshare -rn is not available or not allowed here');
  // Its own loopback up, for a spec that serves something to itself; `ip` may be missing (loopback then stays down).
  if (works(['-rn', 'ip', 'link', 'set', 'lo', 'up'])) {
    return {
      prefix: ['unshare', '-rn', 'sh', '-c', 'ip link set lo up && exec "$0" "$@"'],
      network: 'sealed: a network namespace of its own, loopback only',
    };
  }
  return { prefix: ['unshare', '-rn'], network: 'sealed: a network namespace of its own, no interface up' };
}
