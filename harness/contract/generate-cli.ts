import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEM_REQUEST_FILE, buildClosedSystemSchema } from '../schema/closed-system';
import { SCHEMAS_DIR, schemaRegistry } from '../schema/registry';
import { buildOpenApi } from './openapi';

/**
 * npm run generate: the committed files derived from others. Each has a test that fails when it is
 * stale, so a schema edit without a regeneration cannot land.
 */
export const OPENAPI_FILE = join(__dirname, '..', '..', 'openapi.json');
export const CLOSED_SYSTEM_FILE = join(SCHEMAS_DIR, SYSTEM_REQUEST_FILE);

const asText = (document: unknown) => `${JSON.stringify(document, null, 2)}\n`;

/** schemas/MultiplayerSessionRequest.system.json, from MultiplayerSession.json. */
export function renderClosedSystem(): string {
  return asText(buildClosedSystemSchema(JSON.parse(readFileSync(join(SCHEMAS_DIR, 'MultiplayerSession.json'), 'utf8'))));
}

/** openapi.json, from the operations table and every schema (the generated one included). */
export function renderOpenApi(): string {
  const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return asText(buildOpenApi(schemaRegistry().documents, version));
}

if (require.main === module) {
  // The closed schema first: the OpenAPI document embeds it.
  writeFileSync(CLOSED_SYSTEM_FILE, renderClosedSystem());
  console.log(`wrote ${CLOSED_SYSTEM_FILE}`);
  writeFileSync(OPENAPI_FILE, renderOpenApi());
  console.log(`wrote ${OPENAPI_FILE}`);
}
