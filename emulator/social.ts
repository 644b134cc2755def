import { readFileSync } from 'node:fs';
import { EmulatorSetupError } from './errors';
import { packageFile } from './package-files';

/**
 * Who follows whom: what `followed` join and read restrictions and the `people` moniker of a handle
 * query consult (docs/protocol.md 3.7, 5.3). Loaded from a file, changeable per test; the test-token
 * format is untouched.
 */
export interface SocialGraph {
  follow(follower: string, followee: string): void;
  /** The xuids that follow `xuid`. */
  followersOf(xuid: string | undefined): ReadonlySet<string>;
  /** The xuids `xuid` follows. */
  followedBy(xuid: string): string[];
}

const DEFAULT_SOCIAL_GRAPH_FILE = packageFile('emulator', 'social-graph.json');

export function loadSocialGraph(file: string = DEFAULT_SOCIAL_GRAPH_FILE): SocialGraph {
  let parsed: { follows?: Record<string, unknown> };
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new EmulatorSetupError(
      'SOCIAL_GRAPH_INVALID',
      `social graph ${file} cannot be read as JSON (${(error as Error).message}); fix it or pass another with --social-graph`,
    );
  }
  const follows = new Map<string, Set<string>>();
  // Kept both ways: every request asks who follows its caller (the `followed` read rule).
  const followers = new Map<string, Set<string>>();
  const graph: SocialGraph = {
    follow(follower, followee) {
      follows.set(follower, (follows.get(follower) ?? new Set()).add(followee));
      followers.set(followee, (followers.get(followee) ?? new Set()).add(follower));
    },
    followersOf(xuid) {
      return new Set(xuid === undefined ? [] : followers.get(xuid));
    },
    followedBy(xuid) {
      return [...(follows.get(xuid) ?? [])];
    },
  };
  for (const [follower, followees] of Object.entries(parsed.follows ?? {})) {
    if (!Array.isArray(followees) || !followees.every((x) => typeof x === 'string'))
      throw new EmulatorSetupError('SOCIAL_GRAPH_INVALID', `social graph ${file}: follows.${follower} must be a list of xuid strings`);
    for (const followee of followees) graph.follow(follower, followee);
  }
  return graph;
}
