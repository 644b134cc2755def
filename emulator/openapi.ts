import { readFileSync } from 'node:fs';
import { MpsdError } from './errors';
import type { Json } from './model';
import { packageFile } from './package-files';
import type { Reply } from './reply';

/** The contract's OpenAPI description (written to generated/ by npm run generate, a file of the package), served as is. */
const OPENAPI_FILE = packageFile('generated', 'openapi.json');
let cached: Json | undefined;

export function openApiReply(): Reply {
  try {
    cached ??= JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as Json;
  } catch (error) {
    throw new MpsdError(404, `No API description: ${OPENAPI_FILE} cannot be read (${(error as Error).message}); run npm run generate.`);
  }
  return { status: 200, json: cached };
}
