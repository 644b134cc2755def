import { isObject, type Json } from '../model';
import { setKey } from './bags';

/**
 * Contract 104/105, the names before the 107 renames (docs/protocol.md 5.2; DECISIONS S8). MPSD
 * converts documents to the request's version; the emulator stores the 107 form, translates a
 * 104/105 request into it and renders the 104/105 shape back.
 */
export const isLegacy = (contractVersion: number) => contractVersion < 107;

/** `timeouts.<legacy name>` <-> the 107 constant. */
const TIMEOUTS: Record<string, string> = {
  reserved: 'reservedRemovalTimeout',
  inactive: 'inactiveRemovalTimeout',
  ready: 'readyRemovalTimeout',
  sessionEmpty: 'sessionEmptyTimeout',
};

/** The 104 defaults a 104/105 client relies on when it leaves them out (section 5.2, "The 107 renames"). */
const LEGACY_INITIALIZATION_DEFAULTS: Json = { membersNeededToStart: 2, joinTimeout: 5000, measurementTimeout: 5000 };

/** A 104/105 PUT body in 107 names: `managedInitialization` and `timeouts` become their 107 fields. */
export function requestIn107(body: Json, contractVersion: number): Json {
  const system = isObject(body.constants) ? body.constants.system : undefined;
  if (!isLegacy(contractVersion) || !isObject(system)) return body;
  const converted: Json = {};
  for (const [key, value] of Object.entries(system)) {
    if (key === 'managedInitialization' && isObject(value)) setKey(converted, 'memberInitialization', initializationIn107(value));
    else if (key === 'timeouts' && isObject(value)) {
      for (const [name, ms] of Object.entries(value)) setKey(converted, TIMEOUTS[name] ?? `timeouts.${name}`, ms);
    } else setKey(converted, key, value);
  }
  return { ...body, constants: { ...(body.constants as Json), system: converted } };
}

function initializationIn107(legacy: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries({ ...LEGACY_INITIALIZATION_DEFAULTS, ...legacy })) {
    // autoEvaluate became externalEvaluation, with the meaning inverted.
    if (key === 'autoEvaluate') setKey(out, 'externalEvaluation', typeof value === 'boolean' ? !value : value);
    else setKey(out, key, value);
  }
  return out;
}

/**
 * The session's 107 system constants under their 104/105 names (render.ts writes the rest of the
 * legacy shape): the removal timeouts gathered under `timeouts`, last; `managedInitialization` with
 * `autoEvaluate` for `memberInitialization` with `externalEvaluation`.
 */
export function legacySystemConstants(current: Json): Json {
  const system: Json = {};
  const timeouts: Json = {};
  for (const [key, value] of Object.entries(current)) {
    const legacyTimeout = Object.keys(TIMEOUTS).find((name) => TIMEOUTS[name] === key);
    if (legacyTimeout) setKey(timeouts, legacyTimeout, value);
    else if (key === 'memberInitialization' && isObject(value)) setKey(system, 'managedInitialization', initializationIn104(value));
    else setKey(system, key, value);
  }
  if (Object.keys(timeouts).length > 0) setKey(system, 'timeouts', timeouts);
  return system;
}

function initializationIn104(current: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(current)) {
    if (key === 'externalEvaluation') setKey(out, 'autoEvaluate', !value);
    else setKey(out, key, value);
  }
  return out;
}
