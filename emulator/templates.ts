import { readFileSync } from 'node:fs';
import { EmulatorSetupError } from './errors';
import { packageFile } from './package-files';

export interface Template {
  constants: { system: Record<string, unknown>; custom: Record<string, unknown> };
  /** Role types every session of this template starts with (docs/protocol.md 5.6). */
  roleTypes?: Record<string, unknown>;
}

export interface TemplateCatalog {
  serviceConfigs: string[];
  templates: Record<string, Template>;
}

export const DEFAULT_TEMPLATES_FILE = packageFile('emulator', 'templates.json');

/** Load and sanity-check a templates file; a bad file stops start-up with the reason. */
export function loadTemplates(file: string = DEFAULT_TEMPLATES_FILE): TemplateCatalog {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new EmulatorSetupError(
      'TEMPLATES_INVALID',
      `templates file ${file} cannot be read as JSON (${(error as Error).message}); fix the file or pass another with --templates`,
    );
  }
  const catalog = parsed as Partial<TemplateCatalog>;
  if (
    !Array.isArray(catalog.serviceConfigs) ||
    catalog.serviceConfigs.length === 0 ||
    typeof catalog.templates !== 'object' ||
    catalog.templates === null
  ) {
    throw new EmulatorSetupError(
      'TEMPLATES_INVALID',
      `templates file ${file} needs "serviceConfigs": [<scid>, ...] and "templates": {<name>: {"constants": {...}}}`,
    );
  }
  for (const [name, template] of Object.entries(catalog.templates)) {
    if (typeof template?.constants?.system !== 'object') {
      throw new EmulatorSetupError('TEMPLATES_INVALID', `template '${name}' in ${file} has no constants.system object`);
    }
    template.constants.custom ??= {};
  }
  return { serviceConfigs: catalog.serviceConfigs.map((s) => s.toLowerCase()), templates: catalog.templates as Record<string, Template> };
}

/** Whether the catalogue serves this service config (SCIDs compare case-insensitively). */
export const servesConfig = (catalog: TemplateCatalog, scid: string) => catalog.serviceConfigs.includes(scid.toLowerCase());

/** Template names are matched case-insensitively, like every part of a session reference (section 1.1). */
export function findTemplate(catalog: TemplateCatalog, scid: string, name: string): Template | undefined {
  if (!servesConfig(catalog, scid)) return undefined;
  const key = Object.keys(catalog.templates).find((t) => t.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : catalog.templates[key];
}
