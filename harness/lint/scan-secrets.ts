import type { HarEntry } from '../recording/har';
import { isSecretHeader, SECRET_PATTERNS } from '../secrets';
import type { Finding } from './finding';

/** Strings at least this long and this random (bits per character) look like credentials. */
const HIGH_ENTROPY_MIN_LENGTH = 32;
const HIGH_ENTROPY_BITS = 4.3;

function shannonBits(text: string): number {
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / text.length) * Math.log2(n / text.length);
  return bits;
}

/** Why a string looks like a secret, or undefined. `known` holds real token values to look for. */
function secretIn(value: string, known: readonly string[]): string | undefined {
  for (const token of known) if (token.length >= 8 && value.includes(token)) return 'the value of an MPSD_AUTH* variable';
  for (const { name, pattern } of SECRET_PATTERNS) {
    pattern.lastIndex = 0;
    const match = pattern.exec(value);
    if (match && !/^XBL3\.0 x=<redacted/.test(match[0])) return `a ${name}`;
  }
  // Runs of token characters; '/' and '-' split them so paths and GUIDs are not mistaken for tokens.
  for (const run of value.match(new RegExp(`[A-Za-z0-9+=_]{${HIGH_ENTROPY_MIN_LENGTH},}`, 'g')) ?? []) {
    if (shannonBits(run) >= HIGH_ENTROPY_BITS)
      return `a long high-entropy string (${run.length} chars, ${shannonBits(run).toFixed(1)} bits/char)`;
  }
  return undefined;
}

function walkJson(value: unknown, path: string, visit: (path: string, text: string) => void): void {
  if (typeof value === 'string') visit(path, value);
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) walkJson(v, `${path}/${i}`, visit);
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      visit(`${path}/${k}`, k);
      walkJson(v, `${path}/${k}`, visit);
    }
}

/** Every secret-looking value in one entry's headers, URL and bodies. */
export function scanEntry(entry: HarEntry, file: string, index: number, known: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  const report = (path: string, value: string, why: string) =>
    findings.push({
      rule: 'secret',
      file,
      entry: index + 1,
      path,
      message: `${why}: ${value.length > 40 ? `${value.slice(0, 12)}...` : value}`,
    });
  for (const side of ['request', 'response'] as const) {
    for (const h of entry[side].headers) {
      if (isSecretHeader(h.name) && !/^<redacted[^>]*>$/.test(h.value))
        report(`${side}.headers.${h.name}`, h.value, `an unredacted ${h.name} header`);
      else {
        const why = secretIn(h.value, known);
        if (why) report(`${side}.headers.${h.name}`, h.value, why);
      }
    }
  }
  const urlWhy = secretIn(entry.request.url, known);
  if (urlWhy) report('request.url', entry.request.url, urlWhy);
  const bodies: [string, string | undefined][] = [
    ['request.postData.text', entry.request.postData?.text],
    ['response.content.text', entry.response.content.text],
  ];
  for (const [where, text] of bodies) {
    if (!text) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
    walkJson(parsed, where, (path, value) => {
      const why = secretIn(value, known);
      if (why) report(path, value, why);
    });
  }
  return findings;
}
