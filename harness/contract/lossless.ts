import { LosslessNumber, parse, stringify } from 'lossless-json';

/**
 * Numbers compared as written. 2667261543315367301 and 2667261543315367300 are the same JavaScript
 * number and different 64-bit ids; the harness's matching and drift must tell them apart (a client
 * that rounds an id it republishes is exactly the regression to catch).
 */
const keepText = (text: string) => (String(Number(text)) === text ? Number(text) : new LosslessNumber(text));

/** A number kept as written: known by its class, never by its shape (a body may hold {"isLosslessNumber": true}). */
export const isLossless = (value: unknown): value is LosslessNumber => value instanceof LosslessNumber;

export function parseLossless(text: string): unknown {
  return parse(text, null, keepText);
}

export function stringifyLossless(value: unknown): string {
  return stringify(value, undefined, undefined, [{ test: isLossless, stringify: (kept) => (kept as LosslessNumber).value }]) ?? '';
}
