import { existsSync } from 'node:fs';
import type { Exchange } from '../contract/exchange';
import { readHar } from '../recording/har';
import { isWebSocketEntry } from '../recording/websocket-frames';
import { classifyExchange, DRIFT_KINDS, type DriftItem, type DriftKind } from './classify';

export interface ScenarioDrift {
  scenario: string;
  recording: string;
  items: DriftItem[];
}

export interface DriftReport {
  summary: Record<DriftKind, number>;
  /** Scenarios with no committed recording to compare with (record them first). */
  unrecorded: string[];
  scenarios: ScenarioDrift[];
  /** Answers that were 429/503 with Retry-After: left out of the comparison, counted here. */
  throttled?: number;
}

const shape = (method: string, path: string) =>
  `${method} ${path.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '{id}').replace(/session-[0-9a-f]{12}/g, '{name}')}`;

/** Compares each verified scenario's fresh exchanges with its committed recording, in order. */
export class DriftCollector {
  private readonly scenarios: ScenarioDrift[] = [];
  private readonly unrecorded: string[] = [];

  compare(scenario: string, recordingFile: string, exchanges: Exchange[]): void {
    if (!existsSync(recordingFile)) {
      this.unrecorded.push(scenario);
      return;
    }
    // HTTP against HTTP: the fresh exchanges hold no websocket (RTA frames are checked as they arrive).
    const entries = readHar(recordingFile).log.entries.filter((entry) => !isWebSocketEntry(entry));
    const items: DriftItem[] = [];
    exchanges.forEach((fresh, i) => {
      const recorded = entries[i];
      const request = `${fresh.request.method} ${fresh.request.path}`;
      if (!recorded) return;
      const recordedShape = shape(recorded.request.method, new URL(recorded.request.url).pathname);
      if (recordedShape !== shape(fresh.request.method, fresh.request.path.split('?')[0])) {
        items.push({
          kind: 'breaking',
          change: 'request changed',
          exchange: i + 1,
          request,
          at: 'request',
          recorded: recordedShape,
          fresh: shape(fresh.request.method, fresh.request.path),
        });
      } else items.push(...classifyExchange(recorded, fresh, i + 1));
    });
    if (entries.length !== exchanges.length) {
      // A scenario that stopped at an earlier break sends fewer requests: that is a consequence, not a cause.
      const consequence = items.some((i) => i.kind === 'breaking');
      items.push({
        kind: 'breaking',
        ...(consequence ? { consequence: true } : {}),
        change: 'request sequence changed',
        exchange: Math.min(entries.length, exchanges.length) + 1,
        request: '-',
        at: 'exchanges',
        recorded: entries.length,
        fresh: exchanges.length,
      });
    }
    this.scenarios.push({ scenario, recording: recordingFile, items });
  }

  report(): DriftReport {
    const summary = Object.fromEntries(DRIFT_KINDS.map((k) => [k, 0])) as Record<DriftKind, number>;
    for (const s of this.scenarios) for (const item of s.items) if (!item.consequence) summary[item.kind] += 1;
    return canonicalDrift({ summary, unrecorded: [...this.unrecorded], scenarios: this.scenarios.filter((s) => s.items.length > 0) });
  }
}

/** Scenarios by full title: the same order however the catalogue was split into shards, wherever each job ran. */
function canonicalDrift(report: DriftReport): DriftReport {
  return {
    ...report,
    unrecorded: [...report.unrecorded].sort(),
    scenarios: [...report.scenarios].sort((a, b) => a.scenario.localeCompare(b.scenario)),
  };
}

/** The drift of several runs (the shards of one catalogue) as one report. Pure. */
export function mergeDrift(reports: DriftReport[]): DriftReport {
  const summary = Object.fromEntries(DRIFT_KINDS.map((k) => [k, reports.reduce((n, r) => n + r.summary[k], 0)])) as Record<
    DriftKind,
    number
  >;
  const throttled = reports.reduce((n, r) => n + (r.throttled ?? 0), 0);
  return canonicalDrift({
    summary,
    unrecorded: reports.flatMap((r) => r.unrecorded),
    scenarios: reports.flatMap((r) => r.scenarios),
    ...(reports.some((r) => r.throttled !== undefined) ? { throttled } : {}),
  });
}
