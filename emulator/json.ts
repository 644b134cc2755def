import { LosslessNumber, parse, stringify } from 'lossless-json';

/**
 * JSON that keeps numbers exactly as sent. Clients store 64-bit ids in custom bags (2667261543315367301)
 * and write 1.0 where they mean it; JavaScript numbers would round the one and shorten the other, and
 * the client that republishes what it read would corrupt its own data (DECISIONS R8). A number that a
 * JavaScript number holds exactly stays one; any other keeps its text.
 * harness/contract/lossless.ts does the same on the harness side: the emulator never imports the harness.
 */
const keepText = (text: string) => (String(Number(text)) === text ? Number(text) : new LosslessNumber(text));

/** A kept number, also after structuredClone (which keeps its fields but not its class). */
const isKept = (value: unknown): value is { value: string } => typeof value === 'object' && value !== null && (value as { isLosslessNumber?: unknown }).isLosslessNumber === true;

export function parseJson(text: string): unknown {
  return parse(text, null, keepText);
}

export function stringifyJson(value: unknown): string {
  return stringify(value, undefined, undefined, [{ test: isKept, stringify: (kept) => (kept as { value: string }).value }]) ?? '';
}
