/**
 * Time for the emulator. Deterministic mode starts every reset at the same instant and moves only
 * when told to, so timestamps in recordings are identical from one recording run to the next.
 */
export interface Clock {
  now(): number;
  advance(ms: number): void;
}

export const DETERMINISTIC_EPOCH = Date.parse('2026-01-01T00:00:00.000Z');

export function fixedClock(start: number = DETERMINISTIC_EPOCH): Clock {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
  };
}

/** Wall-clock time, with an offset so tests can still move time forward. */
export function systemClock(): Clock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance: (ms) => {
      offset += ms;
    },
  };
}

/** Instants already written: a session's start and join times come back in every document rendered from it. */
const isoTimes = new Map<number, string>();
const MAX_ISO_TIMES = 4096;

/** MPSD's own rendering: ISO-8601 UTC with 7 fractional digits (section 5). */
export function isoTime(ms: number): string {
  let iso = isoTimes.get(ms);
  if (iso !== undefined) return iso;
  // toISOString is always ...ss.mmmZ: four more digits before the Z, without a regex.
  iso = `${new Date(ms).toISOString().slice(0, -1)}0000Z`;
  if (isoTimes.size >= MAX_ISO_TIMES) isoTimes.clear();
  isoTimes.set(ms, iso);
  return iso;
}

/** RFC 7231 date for the Date and Expires headers. */
let lastDate: [number, string] = [Number.NaN, ''];
/** The Date header; formatting a date is slow next to the rest of a cached GET, so the last one is kept. */
export function httpDate(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (lastDate[0] !== second) lastDate = [second, new Date(ms).toUTCString()];
  return lastDate[1];
}
