/**
 * Run modes, read from MPSD_MODE (the nock.back idea: one variable, named modes). What each mode does
 * is data: every other module asks these fields, never the mode's name.
 */
export interface ModeSpec {
  /** Who answers requests: the committed recordings, the target, or the recordings with the target filling gaps. */
  answers: 'recordings' | 'target' | 'recordings-then-target';
  /** Recordings written: none, each test's whole recording, or only the requests that were missing. */
  writes: 'nothing' | 'whole-test' | 'missing';
  /** Compare each fresh answer with its recording (the drift report). */
  compares: boolean;
  description: string;
}

export const MODES = {
  replay: {
    answers: 'recordings',
    writes: 'nothing',
    compares: false,
    description: 'Default. Answer every request from recordings/; a request with no recording fails the test. Never touches the network.',
  },
  record: {
    answers: 'target',
    writes: 'whole-test',
    compares: false,
    description: "Send every request to the target and rewrite each test's recording from scratch.",
  },
  'record-missing': {
    answers: 'recordings-then-target',
    writes: 'missing',
    compares: false,
    description: 'Replay what is recorded; send what is missing to the target and add it to the recording.',
  },
  live: {
    answers: 'target',
    writes: 'nothing',
    compares: false,
    description: 'Send every request to the target; read and write no recording.',
  },
  verify: {
    answers: 'target',
    writes: 'nothing',
    compares: true,
    description: 'Send every request to the target, write no recording, and report how each answer drifted from its recording.',
  },
} as const satisfies Record<string, ModeSpec>;
export type Mode = keyof typeof MODES;
