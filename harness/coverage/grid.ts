import { OPERATION_NAMES, OPERATIONS } from '../contract/operations';
import type { CoverageReport } from './collector';

export interface GridRow {
  endpoint: string;
  status: string;
  /** The handle types seen, or undefined when no passing scenario exercised this endpoint x status. */
  types?: string[];
  /** False for a cell a run saw that the operations table does not document (a contract break). */
  documented: boolean;
}

/**
 * Every documented endpoint x status of the operations table, each with what a run exercised of it: the
 * one grid both the Markdown and the HTML report render, so their totals always agree.
 */
export function coverageGrid(report: CoverageReport): { rows: GridRow[]; exercised: number } {
  const rows = OPERATION_NAMES.flatMap((name) => {
    const { label, responses } = OPERATIONS[name];
    return Object.keys(responses).map(
      (status): GridRow => ({ endpoint: label, status, types: report.matrix[label]?.[status], documented: true }),
    );
  });
  const known = new Set(rows.map((r) => `${r.endpoint} ${r.status}`));
  const undocumented = Object.entries(report.matrix).flatMap(([endpoint, byStatus]) =>
    Object.entries(byStatus)
      .filter(([status]) => !known.has(`${endpoint} ${status}`))
      .map(([status, types]): GridRow => ({ endpoint, status, types, documented: false })),
  );
  return { rows: [...rows, ...undocumented], exercised: rows.filter((r) => r.types).length };
}

export const gridTotal = ({ rows, exercised }: ReturnType<typeof coverageGrid>): string =>
  `${exercised} of ${rows.filter((r) => r.documented).length} documented endpoint x status combinations exercised`;
