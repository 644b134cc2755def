import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaRegistry } from '../schema/registry';
import { buildOpenApi } from './openapi';

/** npm run openapi: regenerate openapi.json at the repository root (committed; a test fails when it is stale). */
export const OPENAPI_FILE = join(__dirname, '..', '..', 'openapi.json');

export function renderOpenApi(): string {
  const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return `${JSON.stringify(buildOpenApi(schemaRegistry().documents, version), null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(OPENAPI_FILE, renderOpenApi());
  console.log(`wrote ${OPENAPI_FILE}`);
}
