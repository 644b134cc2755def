import type { Session } from '../model';
import { isLarge } from './members';
import { type RenderOptions, renderedContractVersion, renderSessionText } from './render';

/**
 * Rendered documents, kept per stored session version. A stored session is never changed without a new
 * ETag (writes work on a copy; expired timers give it a new version), so (ETag, contract rendering,
 * caller view, nextTimer) names its bytes exactly: a read of an unchanged session renders nothing.
 * Weakly held: a session replaced or deleted takes its renderings with it.
 */
const cache = new WeakMap<Session, Map<string, string>>();
/** Renderings kept per session: the contract versions times the callers of a large session. */
const MAX_PER_SESSION = 32;

export function renderCached(session: Session, options: RenderOptions): string {
  // Only a large session's document depends on who asks ("me" is the caller, section 4).
  const viewer = isLarge(session) ? (options.callerXuid ?? '') : '';
  const key = `${session.etag}|${session.changeNumber}|${renderedContractVersion(options.contractVersion)}|${viewer}|${options.nextTimer ?? ''}`;
  let forSession = cache.get(session);
  const hit = forSession?.get(key);
  if (hit !== undefined) return hit;
  const rendered = renderSessionText(session, options);
  if (!forSession || forSession.size >= MAX_PER_SESSION) {
    forSession = new Map();
    cache.set(session, forSession);
  }
  forSession.set(key, rendered);
  return rendered;
}
