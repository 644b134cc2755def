import { createHash, randomUUID } from 'node:crypto';

/** Where the emulator's GUIDs come from: a seeded sequence (deterministic) or the system's UUIDs. */
export interface IdSource {
  guid(): string;
}

/** GUIDs derived from sha256(seed:counter): the same seed always yields the same sequence. */
export function seededIds(seed: string): IdSource {
  let counter = 0;
  return {
    guid() {
      const hex = createHash('sha256').update(`${seed}:${counter++}`).digest('hex');
      // Shape it as a version-4 GUID so it is indistinguishable from a real one.
      const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
  };
}

export function randomIds(): IdSource {
  return { guid: () => randomUUID() };
}
