import { httpDate } from '../clock';
import { MESSAGES, MpsdError } from '../errors';
import { type Session, type SessionRef, sessionPath } from '../model';
import type { Reply } from '../reply';
import { assertCanRead, canRead, type Grant } from '../session/access';
import { requestIn107 } from '../session/legacy';
import { renderSessionText } from '../session/render';
import { renderCached } from '../session/render-cache';
import { nextTimerOf } from '../session/timers';
import { type WriteOutcome, writeSession } from '../session/write';
import { type EmulatorState, loadSession, removeActivityHandles } from '../state';
import { findTemplate } from '../templates';
import { type Call, header, jsonBody } from './call';

/** How the session was addressed: through a handle, responses also carry Content-Location (section 6.3). */
export interface Target {
  ref: SessionRef;
  grant: Grant;
  /** A part of the session (properties, a member, a server) is written: no session is created, 404 instead. */
  existingOnly?: true;
}

function templateFor(state: EmulatorState, ref: SessionRef) {
  const template = findTemplate(state.catalog, ref.scid, ref.templateName);
  if (!template) throw new MpsdError(404, MESSAGES.unknownScid);
  return template;
}

/**
 * A session document reply. A stored version's rendering is kept for the reads that follow (renderCached);
 * a version a write has just made is rendered and not kept: keeping it cost a fifth of the write, and the
 * first read of it keeps its own.
 */
function sessionReply(
  state: EmulatorState,
  call: Call,
  target: Target,
  status: number,
  session: Session,
  nextTimer?: number,
  justWritten = false,
): Reply {
  const headers: Record<string, string> = { etag: session.etag };
  if (target.grant.via === 'handle' && !state.faults.on('no-content-location')) headers['content-location'] = sessionPath(session.ref);
  if (nextTimer !== undefined) headers.expires = httpDate(nextTimer);
  const options = { contractVersion: call.contractVersion, callerXuid: call.principal.xuid, nextTimer };
  return {
    status,
    headers,
    jsonText: justWritten ? renderSessionText(session, options) : renderCached(session, options),
    document: 'session',
  };
}

export function getSession(state: EmulatorState, call: Call, target: Target): Reply {
  templateFor(state, target.ref);
  const { session, nextTimer } = loadSession(state, target.ref);
  if (!session) {
    if (state.faults.on('404-instead-of-204')) throw new MpsdError(404, MESSAGES.sessionNotFound);
    return { status: 204 }; // GET of a missing session is 204, not 404 (section 1.4)
  }
  assertCanRead(session, call.principal, target.grant);
  if (header(call, 'if-none-match') === session.etag) return { status: 304, headers: { etag: session.etag } };
  return sessionReply(state, call, target, 200, session, nextTimer);
}

export function putSession(state: EmulatorState, call: Call, target: Target): Reply {
  const template = templateFor(state, target.ref);
  const body = requestIn107(jsonBody(call), call.contractVersion);
  const { session: existing } = loadSession(state, target.ref);
  if (!existing && target.existingOnly)
    throw new MpsdError(404, "The requested session wasn't found; this endpoint changes an existing session and never creates one.");
  const refused = checkPreconditions(state, call, target, existing);
  if (refused) return refused;

  let outcome: WriteOutcome;
  try {
    const correlationId = existing ? undefined : state.store.retiredCorrelation(target.ref);
    outcome = writeSession(
      existing,
      template,
      { ref: target.ref, body, principal: call.principal, grant: target.grant, now: state.clock.now(), correlationId },
      state.ids,
    );
  } catch (error) {
    // A caller who can read but not write gets the session with the 403 (section 1.4).
    if (error instanceof MpsdError && error.status === 403 && existing && canRead(existing, call.principal, target.grant)) {
      return sessionReply(state, call, target, 403, existing);
    }
    throw error;
  }
  const commit = call.query.get('nocommit') !== 'true';
  // Render first, store last: a request that fails on the way changes nothing (DECISIONS R7).
  const reply: Reply =
    'session' in outcome
      ? sessionReply(
          state,
          call,
          target,
          outcome.kind === 'created' ? 201 : 200,
          outcome.session,
          commit ? nextTimerOf(outcome.session, state.clock.now()) : undefined,
          outcome.kind !== 'unchanged',
        )
      : { status: 204 }; // the PUT deleted the session, or created none
  if (commit) {
    if (outcome.kind === 'deleted') state.store.deleteSession(target.ref);
    if (outcome.kind === 'created' || outcome.kind === 'updated') {
      state.store.putSession(outcome.session);
      state.rta.changed(existing, outcome.session);
    }
    removeActivityHandles(state, target.ref, [...outcome.left, ...outcome.wentInactive]);
  }
  return reply;
}

/** If-Match / If-None-Match on a PUT (section 1.2); a failure on an existing session returns it with its ETag. */
function checkPreconditions(state: EmulatorState, call: Call, target: Target, existing: Session | undefined): Reply | undefined {
  const ifMatch = header(call, 'if-match');
  const ifNoneMatch = header(call, 'if-none-match');
  if (ifNoneMatch !== undefined && existing && (ifNoneMatch === '*' || ifNoneMatch === existing.etag))
    return preconditionFailed(state, call, target, existing);
  if (ifMatch !== undefined) {
    if (!existing) return { status: 412 };
    if (ifMatch !== '*' && ifMatch !== existing.etag && !state.faults.on('stale-etag-accepted'))
      return preconditionFailed(state, call, target, existing);
  }
  return undefined;
}

function preconditionFailed(state: EmulatorState, call: Call, target: Target, existing: Session): Reply {
  return canRead(existing, call.principal, target.grant)
    ? sessionReply(state, call, target, 412, existing)
    : { status: 412, headers: { etag: existing.etag } };
}
