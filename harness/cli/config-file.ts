import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LIVE_PRINCIPAL_VARIABLES, type PrincipalName, type Setting, TEMPLATE_KINDS, type TemplateKind, withSettings } from '../config';
import { ERROR_CODES, HarnessError } from '../errors';

/**
 * mpsd-harness.config.{json,mjs,ts}: a project's settings, found from the current directory upward (as
 * .mocharc and playwright.config are). Each key stands for an MPSD_* variable or a selection; paths in
 * the file are relative to the file. Precedence: a flag, then the variable, then this file.
 */
const CONFIG_FILE_NAMES = ['mpsd-harness.config.json', 'mpsd-harness.config.mjs', 'mpsd-harness.config.ts'] as const;

export interface ConfigFile {
  /** Run the built-in catalogue (default true). */
  catalogue?: boolean;
  /** The project's own spec files (glob patterns). */
  specs?: string[];
  recordings?: string;
  reports?: string;
  /** A module exporting createClient(settings): the client under test. */
  client?: string;
  mode?: string;
  target?: string;
  scid?: string;
  templates?: Partial<Record<TemplateKind, string>>;
  /** Per principal: its xuid, and the name of the variable that holds its token (never the token). */
  principals?: Partial<Record<PrincipalName, { xuid?: string; tokenVariable?: string }>>;
}

/** The file's keys that stand for one setting each (the selection keys, templates and principals have their own). */
const SETTING_KEYS = {
  recordings: 'recordings',
  reports: 'reports',
  client: 'client',
  mode: 'mode',
  target: 'target',
  scid: 'scid',
} as const satisfies Partial<Record<keyof ConfigFile, Setting>>;
const KEYS: readonly (keyof ConfigFile)[] = [
  'catalogue',
  'specs',
  ...(Object.keys(SETTING_KEYS) as (keyof typeof SETTING_KEYS)[]),
  'templates',
  'principals',
];
const PATH_KEYS = ['recordings', 'reports', 'client'] as const;

export function findConfigFile(from: string = process.cwd()): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) if (existsSync(join(dir, name))) return join(dir, name);
    if (dirname(dir) === dir) return undefined;
  }
}

const bad = (file: string, problem: string) => new HarnessError(ERROR_CODES.CONFIG_INVALID, `${file}: ${problem}`);

export async function readConfigFile(file: string): Promise<ConfigFile> {
  let loaded: unknown;
  try {
    if (file.endsWith('.json')) loaded = JSON.parse(require('node:fs').readFileSync(file, 'utf8'));
    else if (file.endsWith('.ts')) {
      require(require.resolve('tsx/cjs'));
      loaded = require(file);
    } else loaded = await import(pathToFileURL(file).href);
  } catch (error) {
    throw bad(file, `cannot be read (${(error as Error).message}); fix it or remove it`);
  }
  const value = (loaded as { default?: unknown })?.default ?? loaded;
  return checkConfig(value, file);
}

/** The file's content, checked: an unknown key or a value of the wrong type stops the run with its name. */
export function checkConfig(value: unknown, file: string): ConfigFile {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw bad(file, 'must hold one object of settings');
  const config = value as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    if (!(KEYS as string[]).includes(key) && !key.startsWith('$')) throw bad(file, `unknown key '${key}'; the keys are ${KEYS.join(', ')}`);
  }
  if (config.catalogue !== undefined && typeof config.catalogue !== 'boolean') throw bad(file, "'catalogue' must be true or false");
  if (config.specs !== undefined && !(Array.isArray(config.specs) && config.specs.every((s) => typeof s === 'string')))
    throw bad(file, "'specs' must be a list of glob patterns");
  for (const key of ['recordings', 'reports', 'client', 'mode', 'target', 'scid'] as const) {
    if (config[key] !== undefined && typeof config[key] !== 'string') throw bad(file, `'${key}' must be a string`);
  }
  for (const kind of Object.keys((config.templates as object) ?? {})) {
    if (!(kind in TEMPLATE_KINDS))
      throw bad(file, `templates: unknown kind '${kind}'; the kinds are ${Object.keys(TEMPLATE_KINDS).join(', ')}`);
  }
  for (const name of Object.keys((config.principals as object) ?? {})) {
    if (!(name in LIVE_PRINCIPAL_VARIABLES))
      throw bad(file, `principals: unknown principal '${name}'; they are ${Object.keys(LIVE_PRINCIPAL_VARIABLES).join(', ')}`);
  }
  return config as ConfigFile;
}

/** The MPSD_* variables the file stands for, paths made absolute against the file's folder. */
export function configEnvironment(config: ConfigFile, file: string, env: NodeJS.ProcessEnv): Record<string, string> {
  const dir = dirname(file);
  const settings: Partial<Record<Setting, string>> = {};
  for (const key of Object.keys(SETTING_KEYS) as (keyof typeof SETTING_KEYS)[]) {
    const value = config[key];
    if (value !== undefined) settings[SETTING_KEYS[key]] = (PATH_KEYS as readonly string[]).includes(key) ? resolve(dir, value) : value;
  }
  const out = withSettings({}, settings) as Record<string, string>;
  for (const [kind, name] of Object.entries(config.templates ?? {})) out[TEMPLATE_KINDS[kind as TemplateKind]] = name;
  for (const [name, principal] of Object.entries(config.principals ?? {})) {
    const variables = LIVE_PRINCIPAL_VARIABLES[name as PrincipalName];
    if (principal.xuid && variables.xuid) out[variables.xuid] = principal.xuid;
    const token = principal.tokenVariable ? env[principal.tokenVariable] : undefined;
    if (token) out[variables.auth] = token;
  }
  return out;
}

/** The spec patterns the file selects, absolute. */
export function configSelection(config: ConfigFile, file: string): { catalogue: boolean; specs: string[] } {
  return { catalogue: config.catalogue ?? true, specs: (config.specs ?? []).map((s) => resolve(dirname(file), s).split('\\').join('/')) };
}
