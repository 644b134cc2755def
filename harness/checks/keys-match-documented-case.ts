import { responseSchemaOf } from '../contract/exchange';
import { schemaRegistry } from '../schema/registry';
import { schemaAt } from '../schema/schema-at';
import type { Check } from './failure';

/** Every key of `document` that differs from a key its schema documents only by case, with its path. */
export function caseVariants(schema: string, document: unknown, pointer = '', out: string[] = []): string[] {
  if (document === null || typeof document !== 'object') return out;
  if (Array.isArray(document)) {
    for (const [i, item] of document.entries()) caseVariants(schema, item, `${pointer}/${i}`, out);
    return out;
  }
  const documented = Object.keys(schemaAt(schemaRegistry(), schema, pointer)?.node.properties ?? {});
  for (const [key, value] of Object.entries(document)) {
    const twin = documented.find((d) => d !== key && d.toLowerCase() === key.toLowerCase());
    if (twin && !documented.includes(key)) out.push(`${pointer}/${key} (documented as ${twin})`);
    caseVariants(schema, value, `${pointer}/${key}`, out);
  }
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
  return { check: 'keys-match-documented-case', message: `keys differ from the documented ones only by case: ${variants.join(', ')}` };
};
