/**
 * The dependency rules of ARCHITECTURE.md as data: each row is one module (a folder or a few files) and
 * the modules it may import. test/architecture.test.ts checks every relative import against it, and
 * checks that ARCHITECTURE.md's "may import" column says exactly what the row says.
 */
export interface ModuleRule {
  /** As ARCHITECTURE.md names the module. */
  name: string;
  /** Files it holds: a folder ends with '/'. */
  paths: readonly string[];
  mayImport: readonly string[];
}

export const MODULE_RULES: readonly ModuleRule[] = [
  { name: 'contract', paths: ['harness/contract/'], mayImport: ['errors', 'layout', 'schema'] },
  { name: 'modes', paths: ['harness/modes.ts'], mayImport: [] },
  { name: 'config', paths: ['harness/config.ts', 'harness/config-values.ts', 'harness/config-target.ts'], mayImport: ['errors', 'modes'] },
  { name: 'secrets', paths: ['harness/secrets.ts'], mayImport: ['config', 'contract'] },
  { name: 'layout', paths: ['harness/layout.ts'], mayImport: [] },
  { name: 'auth', paths: ['harness/auth/'], mayImport: ['errors'] },
  { name: 'errors', paths: ['harness/errors.ts'], mayImport: [] },
  { name: 'client', paths: ['harness/client/'], mayImport: ['config', 'contract', 'errors'] },
  { name: 'schema', paths: ['harness/schema/'], mayImport: ['errors', 'layout'] },
  { name: 'checks', paths: ['harness/checks/'], mayImport: ['client', 'contract', 'errors', 'schema', 'secrets'] },
  { name: 'rta', paths: ['harness/rta/'], mayImport: ['errors'] },
  { name: 'recording', paths: ['harness/recording/'], mayImport: ['config', 'contract', 'errors', 'layout', 'rta', 'secrets'] },
  { name: 'target', paths: ['harness/target.ts'], mayImport: ['config', 'emulator'] },
  {
    name: 'run',
    paths: ['harness/run/'],
    mayImport: ['checks', 'client', 'config', 'contract', 'coverage', 'drift', 'errors', 'layout', 'recording', 'rta', 'target'],
  },
  { name: 'scenario', paths: ['harness/current-scenario.ts'], mayImport: ['errors', 'run'] },
  { name: 'mocha', paths: ['harness/mocha/'], mayImport: ['config', 'errors', 'run', 'scenario', 'schema', 'secrets', 'target'] },
  {
    name: 'cli',
    paths: ['harness/cli/'],
    mayImport: ['auth', 'config', 'coverage', 'drift', 'errors', 'layout', 'lint', 'reporters', 'secrets', 'target'],
  },
  {
    name: 'public API',
    paths: ['harness/index.ts', 'harness/programmatic-run.ts', 'harness/start-emulator.ts'],
    mayImport: ['client', 'contract', 'coverage', 'emulator', 'layout', 'modes', 'reporters', 'rta', 'scenario', 'scenarios'],
  },
  {
    name: 'proxy',
    paths: ['harness/proxy/'],
    mayImport: ['checks', 'client', 'config', 'contract', 'errors', 'recording', 'reporters', 'rta', 'run', 'secrets', 'target'],
  },
  { name: 'scenarios', paths: ['harness/scenarios/'], mayImport: ['checks', 'client', 'config', 'contract', 'errors', 'rta', 'scenario'] },
  { name: 'coverage', paths: ['harness/coverage/'], mayImport: ['config', 'contract'] },
  { name: 'drift', paths: ['harness/drift/'], mayImport: ['config', 'contract', 'recording', 'schema', 'secrets'] },
  { name: 'lint', paths: ['harness/lint/'], mayImport: ['checks', 'config', 'errors', 'recording', 'secrets'] },
  {
    name: 'reporters',
    paths: ['harness/reporters/'],
    mayImport: ['checks', 'config', 'contract', 'coverage', 'drift', 'errors', 'mocha', 'run', 'secrets'],
  },
  { name: 'emulator', paths: ['emulator/'], mayImport: [] },
  { name: 'examples', paths: ['examples/'], mayImport: ['client', 'contract'] },
  { name: 'specs', paths: ['specs/'], mayImport: ['public API', 'examples'] },
];

/** The module a repository path belongs to, or undefined outside harness/ and emulator/. */
export function moduleOf(path: string): ModuleRule | undefined {
  return MODULE_RULES.find((rule) => rule.paths.some((p) => (p.endsWith('/') ? path.startsWith(p) : path === p)));
}

/** The "may import" cell of ARCHITECTURE.md for a row. */
export function renderMayImport(rule: ModuleRule): string {
  if (rule.name === 'emulator') return '**never `harness/`**';
  return rule.mayImport.length === 0 ? 'nothing' : rule.mayImport.map((m) => `\`${m}\``).join(', ');
}
