import type { CoverageReport } from './collector';
import { coverageGrid, gridTotal } from './grid';

/** The contract coverage as Markdown: endpoints x status codes x handle types, then behaviours. */
export function renderCoverageMarkdown(report: CoverageReport): string {
  const grid = coverageGrid(report);
  const lines = [
    '# Contract coverage',
    '',
    `## Endpoints x status codes x handle types: ${gridTotal(grid)}`,
    '',
    '| endpoint | status | handle types |',
    '|---|---|---|',
  ];
  for (const { endpoint, status, types, documented } of grid.rows) {
    lines.push(`| \`${endpoint}\` | ${status}${documented ? '' : ' (undocumented)'} | ${types ? types.join(', ') : '**not exercised**'} |`);
  }
  const covered = report.behaviours.length - report.uncovered.length;
  lines.push(
    '',
    `## Documented behaviours: ${covered} of ${report.behaviours.length} covered`,
    '',
    '| behaviour | section | scenarios |',
    '|---|---|---|',
  );
  for (const b of report.behaviours)
    lines.push(`| ${b.text} (\`${b.id}\`) | ${b.section} | ${b.scenarios.length ? b.scenarios.join('<br>') : '**none**'} |`);
  if (report.uncovered.length > 0) lines.push('', `Behaviours with no scenario: ${report.uncovered.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
