/** What the benchmarks share: the embedded target's principals and client settings, medians, a child's cost. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../harness/config';
import { EMBEDDED_PROFILE } from '../harness/target';

export const ROOT = join(__dirname, '..');
export const principals = Object.values(loadConfig({}, EMBEDDED_PROFILE).principals).map((p) => p!);
export const settings = (baseUrl: string) => ({
  baseUrl,
  contractVersion: 107,
  authorizations: Object.fromEntries(principals.map((p) => [p.name, p.authorization])),
  defaultPrincipal: 'alice' as const,
});
export const sessionRef = { scid: EMBEDDED_PROFILE.scid, templateName: 'standard-lobby', name: 'bench' };

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const ratio = (a: number, b: number) => Number((a / b).toFixed(2));

export interface ChildCost {
  code: number;
  /** CPU of the node process itself, user + system, all its threads. */
  cpuMs: number;
  maxRssMb: number;
  /** Heap still in use at exit after a full collection: what the run retained. */
  heapAtEndMb: number;
  /** The same, in KB: per-scenario growth is a few KB. */
  heapAtEndKb: number;
  wallMs: number;
  out: string;
}

/**
 * Run node with these arguments and measure it from inside: bench/probe.cjs, preloaded, writes the
 * process's own resource usage when it exits (portable, unlike /usr/bin/time).
 */
export function measureNode(args: string[], env: NodeJS.ProcessEnv = {}, options: { tree?: boolean } = {}): Promise<ChildCost> {
  const dir = mkdtempSync(join(tmpdir(), 'mpsd-probe-'));
  const probeFile = join(dir, 'probe.jsonl');
  const started = Date.now();
  const probe = join(__dirname, 'probe.cjs');
  // A tree: every node process under this one loads the probe (through NODE_OPTIONS) and the costs add up.
  const treeEnv = options.tree ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${probe}`.trim() } : {};
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--require', probe, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env, ...treeEnv, BENCH_PROBE_FILE: probeFile },
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      try {
        const lines = readFileSync(probeFile, 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as { pid: number; cpuMs: number; maxRssKb: number; heapUsedKb: number });
        // The measured process writes its line last (it exits last); a tree's CPU is every line's.
        const first = options.tree ? { ...lines[lines.length - 1], cpuMs: lines.reduce((sum, l) => sum + l.cpuMs, 0) } : lines[0];
        const mb = (kb: number) => Math.round(kb / 1024);
        resolve({
          code: code ?? 1,
          cpuMs: Math.round(first.cpuMs),
          maxRssMb: mb(first.maxRssKb),
          heapAtEndMb: mb(first.heapUsedKb),
          heapAtEndKb: Math.round(first.heapUsedKb),
          wallMs: Date.now() - started,
          out,
        });
      } catch (error) {
        reject(new Error(`the measured process left no probe (${(error as Error).message}); its output:\n${out}`));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
