/** The emulator's stored state. Rendering to MPSD JSON happens in session/render.ts and handles.ts. */
import { isKeptNumber } from './json';

/** Never changed once made: a write shares its session's reference, and sessionPath caches on it. */
export interface SessionRef {
  readonly scid: string;
  readonly templateName: string;
  readonly name: string;
}

export type Json = Record<string, unknown>;

export interface Bag {
  system: Json;
  custom: Json;
}

export interface Member {
  index: number;
  xuid: string;
  constants: Bag;
  properties: Bag;
  roles?: Record<string, string>;
  /** Reserved by someone else and not yet written to the session (section 4: first PUT clears it). */
  reserved: boolean;
  joinTime: number;
  gamertag?: string;
  titleId?: string;
  /** The initialization episode this member takes part in (section 5.4); removed when it ends. */
  initializationEpisode?: number;
  initializationFailure?: 'timeout' | 'episode';
  /** When the member last went from active or ready to inactive: the inactiveRemovalTimeout counts from here. */
  inactiveSince?: number;
  /** When the member became ready: the readyRemovalTimeout counts from here. */
  readySince?: number;
}

export interface ServerEntry {
  constants: Bag;
  properties: Bag;
}

export interface Session {
  ref: SessionRef;
  branch: string;
  changeNumber: number;
  correlationId: string;
  startTime: number;
  constants: Bag;
  properties: Bag;
  /** Ordered by index: the linked list of section 5.4 is rendered from this order. */
  members: Member[];
  nextIndex: number;
  servers: Record<string, ServerEntry>;
  roleTypes?: Json;
  searchHandle?: string;
  etag: string;
  /** Managed initialization while it runs (section 5.7; session/initialization.ts). */
  initializing?: { stage: 'joining' | 'measuring' | 'evaluating' | 'failed'; stageStartTime: number; episode: number };
  /** When the last member left a session whose sessionEmptyTimeout is not 0. */
  emptySince?: number;
  /** Members who left: a `locked` session lets them, and only them, come back (DECISIONS N13). Never rendered. */
  departed?: string[];
}

export const HANDLE_TYPES = ['activity', 'invite', 'search', 'transfer'] as const;
export type HandleType = (typeof HANDLE_TYPES)[number];

export interface Handle {
  id: string;
  type: HandleType;
  version: 1;
  sessionRef: SessionRef;
  originSessionRef?: SessionRef;
  invitedXuid?: string;
  senderXuid?: string;
  ownerXuid?: string;
  titleId?: string;
  createTime: number;
  expiration?: number;
  inviteAttributes?: Json;
  searchAttributes?: Json;
  /** Who created it: the one who may delete it (DECISIONS H19). Never rendered. */
  creatorXuid?: string;
  /** Activity and invite handles: the session's invite protocol, as live handles carry it (section 2.2). */
  inviteProtocol?: string;
}

/** Session references compare case-insensitively on all three parts (section 1.1). */
export function refKey(ref: SessionRef): string {
  return `${ref.scid}~${ref.templateName}~${ref.name}`.toLowerCase();
}

/** Paths already written, per reference: every response through a handle names its session (Content-Location). */
const paths = new WeakMap<SessionRef, string>();

export function sessionPath(ref: SessionRef): string {
  let path = paths.get(ref);
  if (path === undefined) {
    const part = encodeURIComponent;
    path = `/serviceconfigs/${part(ref.scid)}/sessiontemplates/${part(ref.templateName)}/sessions/${part(ref.name)}`;
    paths.set(ref, path);
  }
  return path;
}

export function isGuid(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** A JSON object: not null, not an array, and not a number kept as written (json.ts), which is an object in JavaScript only. */
export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isKeptNumber(value);
}

/**
 * A deep copy of parsed JSON that keeps numbers kept as written as they are (immutable; structuredClone
 * would turn them into plain objects), and copies every key as data, `__proto__` included. A frozen
 * value is shared, not copied: nothing can change it (constants are frozen once set, see freezeDeep).
 */
export function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object' || isKeptNumber(value) || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) return value.map(clone) as T;
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const item = clone((value as Record<string, unknown>)[key]);
    // `__proto__` is data here (DECISIONS R6): defined as an own property, never assigned (which would set the prototype).
    if (key === '__proto__') Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    else out[key] = item;
  }
  return out as T;
}

/**
 * Freeze a value and everything in it. Constants, once set, never change (a write that changes them is
 * 409), so they are frozen: a write's copy of its session shares them (clone), their text is kept
 * (render.ts), and a rule that wrote into them by mistake would throw instead of changing history.
 */
export function freezeDeep<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const key in value) if (Object.hasOwn(value, key)) freezeDeep((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}
