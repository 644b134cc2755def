import { join } from 'node:path';

/** The repository's root, for tests at any depth of test/. */
export const REPO_ROOT = join(__dirname, '..', '..');
