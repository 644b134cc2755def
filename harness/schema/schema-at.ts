import type { SchemaRegistry } from './registry';

export type SchemaNode = Record<string, unknown> & {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  patternProperties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  required?: string[];
  enum?: unknown[];
};

/** Resolve a $ref against the registry's documents ("common.json#/definitions/guid", "#/definitions/x"). */
function resolveRef(registry: SchemaRegistry, base: string, ref: string): { node: SchemaNode; base: string } | undefined {
  const [file, pointer = ''] = ref.split('#');
  const docName = file ? file.replace(/\.json$/, '') : base;
  let node = registry.documents.get(docName) as unknown;
  for (const part of pointer.split('/').filter(Boolean)) node = (node as Record<string, unknown> | undefined)?.[part];
  return node ? { node: node as SchemaNode, base: docName } : undefined;
}

export interface Located {
  node: SchemaNode;
  /** The document the node came from, for resolving nested $refs. */
  base: string;
  /** The $ref chain followed to reach the node, e.g. ['common.json#/definitions/guid']. */
  refs: string[];
}

function deref(registry: SchemaRegistry, located: Located): Located {
  let current = located;
  for (let guard = 0; current.node.$ref && guard < 10; guard += 1) {
    const next = resolveRef(registry, current.base, current.node.$ref);
    if (!next) break;
    current = { ...next, refs: [...current.refs, current.node.$ref] };
  }
  return current;
}

const patterns = new Map<string, RegExp>();
/** patternProperties are tried on every key of every checked document: each pattern is compiled once. */
function matches(pattern: string, key: string): boolean {
  let regex = patterns.get(pattern);
  if (!regex) {
    regex = new RegExp(pattern);
    patterns.set(pattern, regex);
  }
  return regex.test(key);
}

/** The sub-schema of the value under `key` of a value described by `located`, or undefined when the schema says nothing. */
export function childSchema(registry: SchemaRegistry, located: Located, key: string): Located | undefined {
  const node: SchemaNode = located.node;
  const child: SchemaNode | undefined =
    node.properties?.[key] ??
    Object.entries(node.patternProperties ?? {}).find(([pattern]) => matches(pattern, key))?.[1] ??
    (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined) ??
    (/^\d+$/.test(key) ? node.items : undefined);
  return child ? derefOnce(registry, child, located.base) : undefined;
}

const dereferenced = new WeakMap<SchemaNode, Map<string, Located>>();
/**
 * A schema node with its $refs followed, worked out once per node: checks walk every key of every
 * document, and the node a key leads to is the same each time. The result is shared: never change it.
 */
function derefOnce(registry: SchemaRegistry, node: SchemaNode, base: string): Located {
  let byBase = dereferenced.get(node);
  if (!byBase) {
    byBase = new Map();
    dereferenced.set(node, byBase);
  }
  let located = byBase.get(base);
  if (!located) {
    located = deref(registry, { node, base, refs: [] });
    byBase.set(base, located);
  }
  return located;
}

/** The schema of a whole document, its top-level $ref followed. */
export function rootSchema(registry: SchemaRegistry, schemaName: string): Located | undefined {
  const root = registry.documents.get(schemaName) as SchemaNode | undefined;
  return root ? deref(registry, { node: root, base: schemaName, refs: [] }) : undefined;
}

/** The sub-schema describing the value at a JSON pointer of a document, or undefined when the schema says nothing. */
export function schemaAt(registry: SchemaRegistry, schemaName: string, pointer: string): Located | undefined {
  let located = rootSchema(registry, schemaName);
  for (const key of pointer.split('/').filter(Boolean)) {
    if (!located) return undefined;
    located = childSchema(registry, located, key);
  }
  return located;
}

/**
 * True when `key` is an entry of a map (members by index, servers by name) rather than a named field:
 * map entries come and go with the data, named fields are the document's shape.
 */
export function isMapEntry(parent: Located | undefined, key: string): boolean {
  if (!parent || parent.node.properties?.[key] !== undefined) return false;
  const { node } = parent;
  if (node.properties === undefined && node.patternProperties === undefined) return true; // free-form (custom bags)
  return typeof node.additionalProperties === 'object' || Object.keys(node.patternProperties ?? {}).some((p) => matches(p, key));
}
