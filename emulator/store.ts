import { type Handle, refKey, type Session, type SessionRef } from './model';

/**
 * All emulator state, in memory. Every write handler runs synchronously from reading the current
 * session to storing the new one, so on Node's single thread two writes to one session can never
 * interleave: writes are serialised and no update is lost.
 */
export class Store {
  private readonly sessions = new Map<string, Session>();
  private readonly handles = new Map<string, Handle>();
  private readonly retired = new Map<string, string>();

  getSession(ref: SessionRef): Session | undefined {
    return this.sessions.get(refKey(ref));
  }

  putSession(session: Session): void {
    this.sessions.set(refKey(session.ref), session);
  }

  /** Forget a session, remembering its correlationId: a session started again under the same name keeps it (section 5.1). */
  deleteSession(ref: SessionRef): void {
    const gone = this.sessions.get(refKey(ref));
    if (gone) this.retired.set(refKey(ref), gone.correlationId);
    this.sessions.delete(refKey(ref));
  }

  /** Every stored session, timers not applied: a query loads each through state.loadSession. */
  allSessions(): Session[] {
    return [...this.sessions.values()];
  }

  retiredCorrelation(ref: SessionRef): string | undefined {
    return this.retired.get(refKey(ref));
  }

  getHandle(id: string): Handle | undefined {
    return this.handles.get(id.toLowerCase());
  }

  putHandle(handle: Handle): void {
    this.handles.set(handle.id.toLowerCase(), handle);
  }

  deleteHandle(id: string): boolean {
    return this.handles.delete(id.toLowerCase());
  }

  findHandles(predicate: (handle: Handle) => boolean): Handle[] {
    return [...this.handles.values()].filter(predicate);
  }
}
