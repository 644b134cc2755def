import { relative } from 'node:path';
import type { DriftReport } from './collector';

const show = (v: unknown) => (v === undefined ? '—' : `\`${JSON.stringify(v).slice(0, 60)}\``);

/** reports/drift.md: what changed since the recordings, breaking first. */
export function renderDriftMarkdown(report: DriftReport): string {
  const { breaking, additive, changed, noise } = report.summary;
  const lines = ['# Drift since the committed recordings', '', `**${breaking} breaking**, ${additive} additive, ${changed} changed, ${noise} noise.`, ''];
  if (report.throttled) lines.push(`${report.throttled} answer(s) were throttled (429/503 with Retry-After): retried, and left out of the comparison.`, '');
  if (report.unrecorded.length) lines.push(`Not compared (no recording yet; run \`npm run record\`): ${report.unrecorded.join('; ')}`, '');
  const order = { breaking: 0, additive: 1, changed: 2, noise: 3 };
  for (const s of report.scenarios) {
    lines.push(`## ${s.scenario}`, '', `recording: \`${relative(process.cwd(), s.recording)}\``, '', '| kind | change | request | at | recorded | fresh |', '|---|---|---|---|---|---|');
    for (const i of [...s.items].sort((a, b) => order[a.kind] - order[b.kind])) {
      lines.push(`| ${i.kind} | ${i.change} | #${i.exchange} \`${i.request}\` | \`${i.at}\` | ${show(i.recorded)} | ${show(i.fresh)} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
