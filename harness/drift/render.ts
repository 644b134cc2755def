import { relative } from 'node:path';
import type { DriftItem } from './classify';
import type { DriftReport } from './collector';

/** A value for a markdown cell: JSON, cut with an ellipsis, pipes escaped so the table holds. */
export function cell(value: unknown, width = 60): string {
  if (value === undefined) return '—';
  const text = JSON.stringify(value) ?? String(value);
  const cut = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  return `\`${cut.replace(/\|/g, '\\|')}\``;
}

const escapePipes = (text: string) => text.replace(/\|/g, '\\|');
const causeOf = (i: DriftItem) => `${i.change} at \`${escapePipes(i.at)}\`: ${cell(i.recorded, 40)} → ${cell(i.fresh, 40)}`;

/** Breaking changes grouped by cause across scenarios: one line per cause, with the scenarios it hit. */
function causes(report: DriftReport): string[] {
  const byCause = new Map<string, string[]>();
  for (const s of report.scenarios) {
    for (const item of s.items) {
      if (item.kind !== 'breaking' || item.consequence) continue;
      byCause.set(causeOf(item), [...(byCause.get(causeOf(item)) ?? []), s.scenario]);
    }
  }
  if (byCause.size === 0) return [];
  const lines = ['## Breaking drift by cause', ''];
  for (const [cause, scenarios] of [...byCause.entries()].sort((a, b) => b[1].length - a[1].length)) {
    lines.push(`- ${cause} — ${scenarios.length} scenario(s):`, ...[...new Set(scenarios)].map((s) => `  - ${escapePipes(s)}`));
  }
  return [...lines, ''];
}

/** reports/drift.md: what changed since the recordings, breaking first, each cause once. */
export function renderDriftMarkdown(report: DriftReport): string {
  const { breaking, additive, changed, noise } = report.summary;
  const consequences = report.scenarios.reduce((n, s) => n + s.items.filter((i) => i.consequence).length, 0);
  const lines = [
    '# Drift since the committed recordings',
    '',
    `**${breaking} breaking**, ${additive} additive, ${changed} changed, ${noise} noise${consequences ? ` (and ${consequences} consequence(s) of those, not counted)` : ''}.`,
    '',
  ];
  if (report.throttled)
    lines.push(`${report.throttled} answer(s) were throttled (429/503 with Retry-After): retried, and left out of the comparison.`, '');
  if (report.unrecorded.length)
    lines.push('Not compared (no recording yet; run `npm run record`):', ...report.unrecorded.map((s) => `- ${escapePipes(s)}`), '');
  lines.push(...causes(report));
  const order = { breaking: 0, additive: 1, changed: 2, noise: 3 };
  for (const s of report.scenarios) {
    lines.push(
      `## ${escapePipes(s.scenario)}`,
      '',
      `recording: \`${relative(process.cwd(), s.recording)}\``,
      '',
      '| kind | change | request | at | recorded | fresh |',
      '|---|---|---|---|---|---|',
    );
    for (const i of [...s.items].sort((a, b) => order[a.kind] - order[b.kind])) {
      const kind = i.consequence ? `${i.kind} (consequence)` : i.kind;
      lines.push(
        `| ${kind} | ${i.change} | #${i.exchange} \`${escapePipes(i.request)}\` | \`${escapePipes(i.at)}\` | ${cell(i.recorded)} | ${cell(i.fresh)} |`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
