import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { operationOf } from '../client/operation-of';
import { parseJson } from '../client/exchange';
import { responseMatchesSchema } from '../checks/response-matches-schema';
import { type Har, headerMap } from '../recording/har';
import type { Finding } from './finding';
import { scanEntry } from './scan-secrets';

export interface AllowEntry {
  file: string;
  entry?: number;
  path?: string;
  rule: Finding['rule'];
  reason: string;
}

export interface LintInput {
  recordingsDir: string;
  /** Absolute paths of the recording files the catalogue's scenarios use. */
  expectedFiles: ReadonlySet<string>;
  /** recording file (any path form) -> indices replay used; omit to skip the unused-entry rule. */
  usage?: Record<string, number[]>;
  /** Real token values to search for (the MPSD_AUTH* variables). */
  knownSecrets: readonly string[];
  allowList: readonly AllowEntry[];
  /** Paths in findings are relative to this. */
  root: string;
}

export function harFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? harFiles(path) : name.endsWith('.har') ? [path] : [];
  });
}

/** Lint every recording: parse, schema, orphans, unused entries, secrets; minus reviewed exceptions. */
export function lintRecordings(input: LintInput): Finding[] {
  const findings: Finding[] = [];
  const usage = input.usage && Object.fromEntries(Object.entries(input.usage).map(([k, v]) => [resolve(k), v]));
  for (const path of harFiles(input.recordingsDir)) {
    const file = relative(input.root, path);
    let har: Har;
    try {
      har = JSON.parse(readFileSync(path, 'utf8')) as Har;
      if (!Array.isArray(har?.log?.entries) || har.log.creator?.name !== 'Polly.JS') throw new Error('no log.entries from Polly.JS');
    } catch (error) {
      findings.push({ rule: 'not-har', file, message: `not a Polly HAR file (${(error as Error).message})` });
      continue;
    }
    if (!input.expectedFiles.has(path)) findings.push({ rule: 'orphan', file, message: `no scenario records to this file (recording name "${har.log._recordingName}")` });
    const used = usage?.[path];
    har.log.entries.forEach((entry, i) => {
      const url = new URL(entry.request.url, 'http://x');
      const responseText = entry.response.content.text ?? '';
      const failure = responseMatchesSchema({
        operation: operationOf(entry.request.method, url.pathname),
        request: { method: entry.request.method, path: url.pathname + url.search, headers: headerMap(entry.request.headers) },
        response: { status: entry.response.status, headers: headerMap(entry.response.headers), text: responseText },
        body: parseJson(responseText),
      });
      for (const v of failure?.violations ?? [{ instancePath: '', expected: failure?.message ?? '' }]) {
        if (failure) findings.push({ rule: 'schema', file, entry: i + 1, path: `response.content.text${v.instancePath === '/' ? '' : v.instancePath}`, message: `the recorded ${entry.request.method} ${url.pathname} answer breaks the schema: ${v.expected}` });
      }
      if (used && !used.includes(i)) findings.push({ rule: 'unused-entry', file, entry: i + 1, message: `${entry.request.method} ${url.pathname} is never requested by its scenario` });
      findings.push(...scanEntry(entry, file, i, input.knownSecrets));
    });
  }
  return applyAllowList(findings, input.allowList);
}

function matches(a: AllowEntry, f: Finding): boolean {
  return a.rule === f.rule && a.file === f.file && (a.entry === undefined || a.entry === f.entry) && (a.path === undefined || a.path === f.path);
}

/** Drop reviewed findings; an allow-list entry that matches nothing is itself a finding. */
export function applyAllowList(findings: Finding[], allowList: readonly AllowEntry[]): Finding[] {
  const kept = findings.filter((f) => !allowList.some((a) => matches(a, f)));
  const stale = allowList.filter((a) => !findings.some((f) => matches(a, f)))
    .map((a): Finding => ({ rule: 'stale-allowlist', file: a.file, ...(a.entry ? { entry: a.entry } : {}), ...(a.path ? { path: a.path } : {}), message: `allow-list entry for rule '${a.rule}' (${a.reason}) matches nothing` }));
  return [...kept, ...stale];
}
