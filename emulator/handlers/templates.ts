import { MESSAGES, MpsdError } from '../errors';
import { clone } from '../model';
import type { Reply } from '../reply';
import type { EmulatorState } from '../state';
import { findTemplate, servesConfig } from '../templates';

/** The session templates of a service config, as MPSD serves them (docs/protocol.md 3.7). */

/** 404 with MPSD's text for a service config the emulator does not serve. */
export function assertServiceConfig(state: EmulatorState, scid: string): void {
  if (!servesConfig(state.catalog, scid)) throw new MpsdError(404, MESSAGES.unknownScid);
}

/** GET /serviceconfigs/{scid}/sessiontemplates: {"results": [name, ...]}, the live shape. */
export function listTemplates(state: EmulatorState, scid: string): Reply {
  assertServiceConfig(state, scid);
  return { status: 200, json: { results: Object.keys(state.catalog.templates) } };
}

/** GET /serviceconfigs/{scid}/sessiontemplates/{name}: the template's constants (and role types). */
export function getTemplate(state: EmulatorState, scid: string, name: string): Reply {
  assertServiceConfig(state, scid);
  const template = findTemplate(state.catalog, scid, name);
  if (!template) throw new MpsdError(404, `The session template '${name.slice(0, 100)}' does not exist in this service config.`);
  return {
    status: 200,
    json: { constants: clone(template.constants), ...(template.roleTypes ? { roleTypes: clone(template.roleTypes) } : {}) },
  };
}
