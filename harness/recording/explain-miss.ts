import { isLossless, parseLossless, stringifyLossless } from '../contract/lossless';
import { type HarEntry, headerMap } from './har';
import { MATCHED_HEADERS, type PrincipalOf, type RequestIdentity, requestIdentity } from './matching';

export interface MissContext {
  recordingPath: string;
  /** undefined when the recording file does not exist at all. */
  entries: HarEntry[] | undefined;
  request: RequestIdentity;
  /** 0-based: how many identical requests this test sent before this one. */
  order: number;
  rerecordCommand: string;
}

function identityOfEntry(entry: HarEntry, principalOf: PrincipalOf): RequestIdentity {
  return requestIdentity(
    { method: entry.request.method, url: entry.request.url, headers: headerMap(entry.request.headers), body: entry.request.postData?.text },
    principalOf,
  );
}

/** Each way two identities differ, as a readable line. */
function differences(wanted: RequestIdentity, recorded: RequestIdentity): string[] {
  const out: string[] = [];
  if (wanted.method !== recorded.method) out.push(`method: ${wanted.method} here, ${recorded.method} recorded`);
  if (wanted.path !== recorded.path) out.push(`path: ${wanted.path} here, ${recorded.path} recorded`);
  if (wanted.principal !== recorded.principal) out.push(`principal: ${wanted.principal} here, ${recorded.principal} recorded`);
  for (const name of MATCHED_HEADERS) {
    if (wanted.headers[name] !== recorded.headers[name])
      out.push(`${name}: ${wanted.headers[name] ?? '(absent)'} here, ${recorded.headers[name] ?? '(absent)'} recorded`);
  }
  if (wanted.body !== recorded.body) out.push(...bodyDifferences(wanted.body, recorded.body));
  return out;
}

function bodyDifferences(here: string, recorded: string): string[] {
  let a: unknown;
  let b: unknown;
  try {
    a = here === '' ? undefined : parseLossless(here);
    b = recorded === '' ? undefined : parseLossless(recorded);
  } catch {
    return [`body: ${truncate(here)} here, ${truncate(recorded)} recorded`];
  }
  const paths: string[] = [];
  diffJson(a, b, '', paths);
  return paths
    .slice(0, 8)
    .map((p) => `body${p || ' (whole)'}: ${truncate(show(valueAt(a, p)))} here, ${truncate(show(valueAt(b, p)))} recorded`);
}

/** A value as JSON with its numbers as written; undefined stays undefined (shown as absent). */
const show = (value: unknown) => (value === undefined ? undefined : stringifyLossless(value));

function diffJson(a: unknown, b: unknown, path: string, out: string[]): void {
  const objects =
    a !== null &&
    b !== null &&
    typeof a === 'object' &&
    typeof b === 'object' &&
    !Array.isArray(a) &&
    !Array.isArray(b) &&
    !isLossless(a) &&
    !isLossless(b);
  if (!objects) {
    if (show(a) !== show(b)) out.push(path);
    return;
  }
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
  for (const k of [...keys].sort()) diffJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}/${k}`, out);
}

function valueAt(doc: unknown, path: string): unknown {
  return path
    .split('/')
    .slice(1)
    .reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined), doc);
}

function truncate(text: string | undefined): string {
  if (text === undefined) return '(absent)';
  return text.length > 100 ? `${text.slice(0, 97)}...` : text;
}

function describe(id: RequestIdentity): string {
  const headers = MATCHED_HEADERS.filter((h) => id.headers[h] !== undefined).map((h) => `${h}: ${id.headers[h]}`);
  return `${id.method} ${id.path} as ${id.principal}${headers.length ? ` (${headers.join(', ')})` : ''}${id.body ? ` body ${truncate(id.body)}` : ''}`;
}

/** The message a replay miss fails with: where, what, the closest recorded request, what differs, how to fix. */
export function explainMiss(context: MissContext, principalOf: PrincipalOf): string {
  const lines = [
    `No recorded response for this request (replay never goes to the network).`,
    `  recording: ${context.recordingPath}${context.entries ? ` (${context.entries.length} entries)` : ' (file does not exist)'}`,
    `  request:   ${describe(context.request)}${context.order > 0 ? ` [identical request #${context.order + 1}]` : ''}`,
  ];
  const candidates = (context.entries ?? []).map((entry, index) => ({
    index,
    id: identityOfEntry(entry, principalOf),
    order: entry._order,
  }));
  if (candidates.length > 0) {
    const scored = candidates.map((c) => ({ ...c, diffs: differences(context.request, c.id) }));
    scored.sort(
      (x, y) => x.diffs.length - y.diffs.length || Number(x.id.path !== context.request.path) - Number(y.id.path !== context.request.path),
    );
    const best = scored[0];
    lines.push(`  closest:   entry ${best.index + 1}: ${describe(best.id)}`);
    if (best.diffs.length > 0) lines.push(...best.diffs.map((d) => `  differs:   ${d}`));
    else
      lines.push(
        `  differs:   only in sequence: the recording has ${scored.filter((s) => s.diffs.length === 0).length} such request(s); this test sent one more`,
      );
  }
  lines.push(`  fix: if the test changed on purpose, re-record it:\n       ${context.rerecordCommand}`);
  return lines.join('\n');
}
