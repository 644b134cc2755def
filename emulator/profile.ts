import { FAULTS } from './faults';

/**
 * What a harness needs to know to drive this emulator: the service config and templates it serves, its
 * test users and how to mint their tokens (auth.ts), and the faults it can plant. The harness reads it
 * through harness/target.ts, so the harness's config knows nothing of the emulator.
 */
export const EMULATOR_PROFILE = {
  scid: 'd1a9f3c0-5e5d-4c8e-9a7b-3f2e00000107',
  /** The template serving each kind of session scenarios ask for (templates.json). */
  templates: {
    lobby: 'standard-lobby',
    private: 'private-lobby',
    game: 'game-session',
    large: 'large-session',
    owned: 'owned-lobby',
    duo: 'duo-lobby',
    connected: 'connected-lobby',
  },
  users: {
    alice: { xuid: '2533274800000001', gamertag: 'Alice' },
    bob: { xuid: '2533274800000002', gamertag: 'Bob' },
    carol: { xuid: '2533274800000003', gamertag: 'Carol' },
  },
  /** A test token in the format auth.ts reads. */
  userToken: (name: string, xuid: string, gamertag: string) => `XBL3.0 x=${name};xuid=${xuid},gamertag=${gamertag}`,
  serverToken: 'XBL3.0 x=server;server',
  faults: Object.keys(FAULTS),
  /** Who follows whom among the users (social-graph.json): [follower, followee]. */
  follows: [['alice', 'bob']] as [string, string][],
};
