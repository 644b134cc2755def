/** Lint rules, each with the fix its findings suggest. */
const LINT_RULES = {
  'not-har': 'restore the file from git, or delete it and re-record the test (npm run record -- --grep "<title>")',
  schema: 're-record the test (npm run record -- --grep "<title>"); never hand-edit a recorded answer',
  check: 'the recorded answer breaks a contract check: re-record the test against a conforming target (npm run record -- --grep "<title>")',
  missing:
    'a scenario replays from this file and it is gone: restore it from git, or record the test again (npm run record -- --grep "<title>")',
  orphan: 'delete the folder: no scenario records here any more (a renamed or removed test); re-record the renamed test',
  'unused-entry': 're-record the test so the recording holds only what the scenario sends (npm run record -- --grep "<title>")',
  secret:
    'remove the value and re-record with tokens only in MPSD_AUTH*; if it is not a secret, add a reviewed entry to recordings/lint-allowlist.json',
  'stale-allowlist': 'remove the entry from recordings/lint-allowlist.json: it matches no finding',
} as const;
export type LintRule = keyof typeof LINT_RULES;

export interface Finding {
  rule: LintRule;
  /** Relative to the repository root. */
  file: string;
  /** 1-based entry number in the recording, when the finding is inside one. */
  entry?: number;
  /** Where in the entry: e.g. response.content.text/members/0/properties/custom/token */
  path?: string;
  message: string;
}

export function formatFinding(f: Finding): string {
  const where = [f.file, f.entry !== undefined ? `entry ${f.entry}` : undefined, f.path].filter(Boolean).join(', ');
  return `${where}: [${f.rule}] ${f.message}\n    fix: ${LINT_RULES[f.rule]}`;
}
