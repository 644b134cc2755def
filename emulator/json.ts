import { LosslessNumber, parse, stringify } from 'lossless-json';

/**
 * JSON that keeps numbers exactly as sent. Clients store 64-bit ids in custom bags (2667261543315367301)
 * and write 1.0 where they mean it; JavaScript numbers would round the one and shorten the other, and
 * the client that republishes what it read would corrupt its own data (DECISIONS R8). A number that a
 * JavaScript number holds exactly stays one; any other keeps its text.
 * harness/contract/lossless.ts does the same on the harness side: the emulator never imports the harness.
 */
const keepText = (text: string) => (String(Number(text)) === text ? Number(text) : new LosslessNumber(text));

/**
 * A number kept as written, known by its class and never by its shape: a client's object that happens to
 * read {"isLosslessNumber": true, "value": "12"} is an object, and stays one (model.ts clones keep the class).
 */
export const isKeptNumber = (value: unknown): value is LosslessNumber => value instanceof LosslessNumber;

export function parseJson(text: string): unknown {
  return parse(text, null, keepText);
}

/** Whether a value holds a kept number anywhere. */
function holdsKeptNumber(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (isKeptNumber(value)) return true;
  if (Array.isArray(value)) return value.some(holdsKeptNumber);
  for (const key in value) if (holdsKeptNumber((value as Record<string, unknown>)[key])) return true;
  return false;
}

/**
 * A document as JSON text, kept numbers written as they came. lossless-json writes in JavaScript and
 * was a tenth of the emulator's time under a PUT load; most documents hold no kept number, and for
 * those the native writer gives the same text (test/emulator/json.test.ts holds the two to each other).
 */
export function stringifyJson(value: unknown): string {
  if (!holdsKeptNumber(value)) return JSON.stringify(value) ?? '';
  return stringify(value, undefined, undefined, [{ test: isKeptNumber, stringify: (kept) => (kept as LosslessNumber).value }]) ?? '';
}
