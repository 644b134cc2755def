import { MpsdError } from '../errors';
import type { Member, Session } from '../model';
import { isObject } from '../model';
import { isActive, isLarge } from './members';

/**
 * Managed member initialization (docs/protocol.md 5.2.2, 5.7; DECISIONS S20). Episode 1 holds the
 * members added at creation with `constants.system.initialize: true`. Its stages run joining ->
 * measuring -> evaluating on the emulator clock, applied lazily like every timer (section 4).
 */
export type Stage = 'joining' | 'measuring' | 'evaluating' | 'failed';

interface Settings {
  joinTimeout: number;
  measurementTimeout: number;
  evaluationTimeout: number;
  externalEvaluation: boolean;
  membersNeededToStart: number;
}

/** The 107 defaults of section 5.2.2. */
const DEFAULTS: Settings = {
  joinTimeout: 10000,
  measurementTimeout: 30000,
  evaluationTimeout: 5000,
  externalEvaluation: false,
  membersNeededToStart: 1,
};

function settingsOf(session: Session): Settings | undefined {
  const configured = session.constants.system.memberInitialization;
  if (!isObject(configured)) return undefined;
  // The system object was checked on the way in (validate-system.ts): known keys, right types.
  const given = Object.entries(configured).filter(([, value]) => value !== undefined);
  return { ...DEFAULTS, ...(Object.fromEntries(given) as Partial<Settings>) };
}

const inEpisode = (session: Session) => session.members.filter((m) => m.initializationEpisode === session.initializing?.episode);

/** At creation: start episode 1, or refuse the create when too few members ask to initialize (the FAQ's 400). */
export function startInitialization(session: Session, now: number): void {
  const settings = settingsOf(session);
  if (!settings) return;
  if (isLarge(session)) throw new MpsdError(400, 'constants.system.memberInitialization is not available on large sessions.');
  const flagged = session.members.filter((m) => m.constants.system.initialize === true);
  if (flagged.length < settings.membersNeededToStart) {
    throw new MpsdError(
      400,
      `This session is configured for managed initialization requiring at least ${settings.membersNeededToStart} members to start.`,
    );
  }
  if (flagged.length === 0) return; // membersNeededToStart 0 and nobody to initialize: episode 1 is skipped
  for (const member of flagged) member.initializationEpisode = 1;
  session.initializing = { stage: 'joining', stageStartTime: now, episode: 1 };
}

/** When the current stage ends on its own, or undefined when no stage is running. Pure. */
export function stageDeadline(session: Session): number | undefined {
  const settings = settingsOf(session);
  const running = session.initializing;
  if (!settings || !running || running.stage === 'failed') return undefined;
  const length = { joining: settings.joinTimeout, measuring: settings.measurementTimeout, evaluating: settings.evaluationTimeout }[
    running.stage
  ];
  return running.stageStartTime + length;
}

const joined = (m: Member) => !m.reserved && isActive(m);
const measured = (m: Member) => m.properties.system.measurements !== undefined || m.properties.system.serverMeasurements !== undefined;

/**
 * Move the stages on: a stage ends when every member of the episode has done its part, or at its
 * deadline, when those who have not fail with "timeout". Returns whether anything changed.
 */
export function advanceInitialization(session: Session, now: number): boolean {
  const settings = settingsOf(session);
  let changed = false;
  while (settings && session.initializing && session.initializing.stage !== 'failed') {
    const running = session.initializing;
    const deadline = stageDeadline(session) as number;
    const done = running.stage === 'joining' ? joined : running.stage === 'measuring' ? measured : undefined;
    const everyoneDone = done !== undefined && inEpisode(session).every(done);
    if (!everyoneDone && now < deadline) break;
    const at = everyoneDone ? now : deadline;
    if (!everyoneDone) for (const m of inEpisode(session)) if (!done?.(m)) fail(m, 'timeout');
    if (running.stage === 'evaluating')
      finishEpisode(session, false, at); // nobody evaluated in time
    else if (inEpisode(session).length < settings.membersNeededToStart && running.episode === 1) failEpisode(session, at);
    else enterStage(session, running.stage === 'joining' ? 'measuring' : 'evaluating', settings, at);
    changed = true;
  }
  return changed;
}

function enterStage(session: Session, stage: 'measuring' | 'evaluating', settings: Settings, at: number): void {
  // Measuring is skipped when nothing is measured; evaluating when the title does not evaluate (section 5.7).
  const system = session.constants.system;
  const measures = stage === 'measuring' && (system.metrics !== undefined || system.measurementServerAddresses !== undefined);
  if (stage === 'measuring' && !measures) enterStage(session, 'evaluating', settings, at);
  else if (stage === 'evaluating' && !settings.externalEvaluation) finishEpisode(session, true, at);
  else session.initializing = { ...(session.initializing as NonNullable<Session['initializing']>), stage, stageStartTime: at };
}

/** `properties.system.initializationSucceeded` is the title's verdict, accepted only while evaluating. */
export function evaluate(session: Session, succeeded: boolean, now: number): void {
  if (session.initializing?.stage !== 'evaluating') {
    throw new MpsdError(409, 'initializationSucceeded can be written only while initializing.stage is evaluating.');
  }
  finishEpisode(session, succeeded, now);
}

function finishEpisode(session: Session, succeeded: boolean, at: number): void {
  if (!succeeded) {
    for (const m of inEpisode(session)) fail(m, 'episode');
    if (session.initializing?.episode === 1) {
      failEpisode(session, at);
      return;
    }
  }
  for (const m of session.members) delete m.initializationEpisode; // removed when the episode ends (section 5.4)
  delete session.initializing;
}

function failEpisode(session: Session, at: number): void {
  // A failed episode 1 stays failed (section 5.7).
  session.initializing = { ...(session.initializing as NonNullable<Session['initializing']>), stage: 'failed', stageStartTime: at };
}

function fail(member: Member, reason: 'timeout' | 'episode'): void {
  member.initializationFailure ??= reason;
  delete member.initializationEpisode;
}
