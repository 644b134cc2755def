import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { runResponseChecks } from '../checks';
import { rtaFrameProblem } from '../checks/rta-frame-is-documented';
import { isHarnessError } from '../errors';
import { exchangeOf, type Har, readHar } from '../recording/har';
import { isWebSocketEntry } from '../recording/websocket-frames';
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
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? harFiles(path) : name.endsWith('.har') ? [path] : [];
    });
}

/** Lint every recording: parse, schema, orphans, unused entries, secrets; minus reviewed exceptions. */
export function lintRecordings(input: LintInput): Finding[] {
  const findings: Finding[] = [];
  const usage = input.usage && Object.fromEntries(Object.entries(input.usage).map(([k, v]) => [resolve(k), v]));
  // A scenario whose recording is gone replays nothing: the lint says so, file by file.
  const present = new Set(harFiles(input.recordingsDir));
  for (const expected of [...input.expectedFiles].sort()) {
    if (!present.has(expected) && expected.startsWith(resolve(input.recordingsDir)))
      findings.push({
        rule: 'missing',
        file: relative(input.root, expected),
        message: 'a scenario replays from this recording, and it does not exist',
      });
  }
  for (const path of present) {
    const file = relative(input.root, path);
    let har: Har;
    try {
      har = readHar(path);
    } catch (error) {
      if (!isHarnessError(error)) throw error;
      findings.push({ rule: 'not-har', file, message: error.message.replace(/^\[harness:\w+\] \S+ /, '') });
      continue;
    }
    // A proxy session (npm run proxy) is recorded by a client, not by a scenario: never an orphan.
    const proxySession = har.log._recordingName.startsWith('proxy/');
    if (!proxySession && !input.expectedFiles.has(path))
      findings.push({ rule: 'orphan', file, message: `no scenario records to this file (recording name "${har.log._recordingName}")` });
    const used = usage?.[path];
    har.log.entries.forEach((entry, i) => {
      if (used && !used.includes(i))
        findings.push({
          rule: 'unused-entry',
          file,
          entry: i + 1,
          message: `${entry.request.method} ${new URL(entry.request.url).pathname} is never requested by its scenario`,
        });
      findings.push(...scanEntry(entry, file, i, input.knownSecrets));
      if (isWebSocketEntry(entry)) {
        // What the RTA client checks as frames arrive, checked again on what was recorded.
        for (const message of (entry._webSocketMessages ?? []) as { type: string; data: string }[]) {
          const problem = message.type === 'receive' ? rtaFrameProblem(message.data) : undefined;
          if (problem)
            findings.push({ rule: 'check', file, entry: i + 1, message: `a recorded RTA frame fails rta-frame-is-documented: ${problem}` });
        }
        return;
      }
      const exchange = exchangeOf(entry);
      const what = `${exchange.request.method} ${exchange.request.path.split('?')[0]}`;
      // Every response check the wire runs, run again on what was recorded.
      for (const failure of runResponseChecks(exchange)) {
        for (const v of failure.violations ?? [undefined]) {
          findings.push({
            rule: failure.check === 'response-matches-schema' ? 'schema' : 'check',
            file,
            entry: i + 1,
            ...(v ? { path: `response.content.text${v.instancePath === '/' ? '' : v.instancePath}` } : {}),
            message: `the recorded ${what} answer fails ${failure.check}: ${v ? v.expected : failure.message}`,
          });
        }
      }
    });
  }
  return applyAllowList(findings, input.allowList);
}

function matches(a: AllowEntry, f: Finding): boolean {
  return (
    a.rule === f.rule && a.file === f.file && (a.entry === undefined || a.entry === f.entry) && (a.path === undefined || a.path === f.path)
  );
}

/** Drop reviewed findings; an allow-list entry that matches nothing is itself a finding. */
function applyAllowList(findings: Finding[], allowList: readonly AllowEntry[]): Finding[] {
  const kept = findings.filter((f) => !allowList.some((a) => matches(a, f)));
  const stale = allowList
    .filter((a) => !findings.some((f) => matches(a, f)))
    .map(
      (a): Finding => ({
        rule: 'stale-allowlist',
        file: a.file,
        ...(a.entry ? { entry: a.entry } : {}),
        ...(a.path ? { path: a.path } : {}),
        message: `allow-list entry for rule '${a.rule}' (${a.reason}) matches nothing`,
      }),
    );
  return [...kept, ...stale];
}
