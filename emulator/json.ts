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

/**
 * A document as JSON text, kept numbers written as they came. lossless-json writes in JavaScript and
 * was a tenth of the emulator's time under a PUT load; most documents hold no kept number, and for
 * those the native writer gives the same text (test/emulator/json.test.ts holds the two to each other).
 * A kept number is an object with an own `isLosslessNumber` key, so the native writer leaves that name
 * in its text wherever one was: no walk over the document is needed to know. A client's own key of that
 * name takes the slow way too, which is only slower.
 */
export function stringifyJson(value: unknown): string {
  const text = JSON.stringify(value) ?? '';
  if (!text.includes('"isLosslessNumber"')) return text;
  return stringify(value, undefined, undefined, [{ test: isKeptNumber, stringify: (kept) => (kept as LosslessNumber).value }]) ?? '';
}
