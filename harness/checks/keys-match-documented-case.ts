import { responseSchemaOf } from '../contract/exchange';
import { schemaRegistry } from '../schema/registry';
import { childSchema, type Located, rootSchema } from '../schema/schema-at';
import { type Check, failure } from './failure';

type Documented = { exact: Set<string>; byLowerCase: Map<string, string> };
const documentedSets = new WeakMap<object, Documented>();
/** The documented keys of a schema level, as a set and by lower case, made once per schema node. */
function documentedKeys(properties: object | undefined): Documented | undefined {
  if (!properties || Object.keys(properties).length === 0) return undefined;
  let documented = documentedSets.get(properties);
  if (!documented) {
    const keys = Object.keys(properties);
    const byLowerCase = new Map<string, string>();
    for (const key of keys) if (!byLowerCase.has(key.toLowerCase())) byLowerCase.set(key.toLowerCase(), key); // the first, as before
    documented = { exact: new Set(keys), byLowerCase };
    documentedSets.set(properties, documented);
  }
  return documented;
}

/** Every key of `document` that differs from a key its schema documents only by case, with its path. */
export function caseVariants(schema: string, document: unknown): string[] {
  const registry = schemaRegistry();
  const out: string[] = [];
  // Document and schema are walked together: each level's schema is found once, from its parent's.
  const walk = (value: unknown, located: Located | undefined, pointer: string): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) walk(item, located && childSchema(registry, located, String(i)), `${pointer}/${i}`);
      return;
    }
    const documented = located && documentedKeys(located.node.properties);
    for (const [key, child] of Object.entries(value)) {
      if (documented && !documented.exact.has(key)) {
        const twin = documented.byLowerCase.get(key.toLowerCase());
        if (twin) out.push(`${pointer}/${key} (documented as ${twin})`);
      }
      walk(child, located && childSchema(registry, located, key), `${pointer}/${key}`);
    }
  };
  walk(document, rootSchema(registry, schema), '');
  return out;
}

/**
 * XSAPI and many clients read keys case-sensitively: `crossplay` where the contract says `crossPlay`
 * is a field the client never sees. Unknown keys are accepted; a case variant of a known one is a break.
 */
export const keysMatchDocumentedCase: Check = (e) => {
  const schema = responseSchemaOf(e);
  if (!schema || e.body === undefined) return undefined;
  const variants = caseVariants(schema, e.body);
  if (variants.length === 0) return undefined;
  return failure('keys-match-documented-case', { variants }, `keys differ from the documented ones only by case: ${variants.join(', ')}`);
};
