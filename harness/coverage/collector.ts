import type { Exchange } from '../contract/exchange';
import { OPERATION_NAMES, OPERATIONS, type Operation } from '../contract/operations';
import { BEHAVIOURS, type BehaviourId } from './behaviours';

/** How the coverage matrix names an exchange's endpoint: the operations table's label. */
function endpointOf(operation: Operation): string {
  return operation === 'unknown' ? '(outside the contract)' : OPERATIONS[operation].label;
}

export interface CoverageReport {
  /** endpoint -> status -> handle types seen ('-' when no handle was involved or it was unknown). */
  matrix: Record<string, Record<string, string[]>>;
  behaviours: { id: BehaviourId; section: string; text: string; scenarios: string[] }[];
  uncovered: BehaviourId[];
}

const HANDLE_ID = /^\/handles\/([^/?]+)/;

/** Gathers, over a whole run, which endpoint/status/handle-type cells and behaviours were exercised. */
export class CoverageCollector {
  private readonly cells = new Map<string, Map<string, Set<string>>>();
  private readonly handleTypes = new Map<string, string>();
  private readonly scenarios = new Map<BehaviourId, Set<string>>();

  addExchange(exchange: Exchange): void {
    const { operation, request, response } = exchange;
    if (operation === 'createHandle' && response.status === 201) {
      const { id, type } = (exchange.body ?? {}) as { id?: string; type?: string };
      if (id && type) this.handleTypes.set(id.toLowerCase(), type);
    }
    const handleType =
      operation === 'createHandle'
        ? String((JSON.parse(request.body ?? '{}') as { type?: unknown }).type ?? '-')
        : (this.handleTypes.get(HANDLE_ID.exec(request.path)?.[1]?.toLowerCase() ?? '') ?? '-');
    const endpoint = endpointOf(operation);
    const byStatus = this.cells.get(endpoint) ?? new Map<string, Set<string>>();
    const types = byStatus.get(String(response.status)) ?? new Set<string>();
    types.add(handleType);
    byStatus.set(String(response.status), types);
    this.cells.set(endpoint, byStatus);
  }

  /** A scenario that failed proved nothing: it covers no behaviour (its exchanges still count as exercised). */
  dropScenario(scenario: string): void {
    for (const set of this.scenarios.values()) set.delete(scenario);
  }

  addBehaviour(id: BehaviourId, scenario: string): void {
    const set = this.scenarios.get(id) ?? new Set<string>();
    set.add(scenario);
    this.scenarios.set(id, set);
  }

  get empty(): boolean {
    return this.cells.size === 0 && this.scenarios.size === 0;
  }

  report(): CoverageReport {
    const matrix: CoverageReport['matrix'] = {};
    for (const endpoint of [...OPERATION_NAMES, 'unknown' as const].map(endpointOf)) {
      const byStatus = this.cells.get(endpoint);
      if (!byStatus) continue;
      matrix[endpoint] = Object.fromEntries(
        [...byStatus.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([status, types]) => [status, [...types].sort()]),
      );
    }
    const behaviours = (Object.entries(BEHAVIOURS) as [BehaviourId, { section: string; text: string }][]).map(([id, b]) => ({
      id,
      section: b.section,
      text: b.text,
      scenarios: [...(this.scenarios.get(id) ?? [])].sort(),
    }));
    return { matrix, behaviours, uncovered: behaviours.filter((b) => b.scenarios.length === 0).map((b) => b.id) };
  }
}

/** The coverage of several runs (the shards of one catalogue) as one report: every cell and scenario of any. Pure. */
export function mergeCoverage(reports: CoverageReport[]): CoverageReport {
  const collector = new CoverageCollector();
  const merged: CoverageReport['matrix'] = {};
  for (const report of reports) {
    for (const [endpoint, byStatus] of Object.entries(report.matrix)) {
      for (const [status, types] of Object.entries(byStatus)) {
        merged[endpoint] ??= {};
        merged[endpoint][status] = [...new Set([...(merged[endpoint][status] ?? []), ...types])].sort();
      }
    }
    for (const b of report.behaviours) for (const scenario of b.scenarios) collector.addBehaviour(b.id, scenario);
  }
  const order = [...OPERATION_NAMES, 'unknown' as const].map(endpointOf);
  const matrix = Object.fromEntries(
    order.filter((e) => merged[e]).map((e) => [e, Object.fromEntries(Object.entries(merged[e]).sort(([a], [b]) => a.localeCompare(b)))]),
  );
  return { ...collector.report(), matrix };
}
