#!/usr/bin/env node
'use strict';
// The harness's command line. Plain JavaScript so that it can say clearly when Node is too old,
// before anything that needs a newer Node (mocha 12, require of ES modules) is loaded.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(`mpsd-harness needs Node.js 20.19 or later; this is ${process.version}. Install a newer Node (https://nodejs.org) and run npm ci again.\n`);
  process.exit(2);
}
// A clone runs its TypeScript through tsx; the installed package runs its compiled JavaScript and
// loads no transpiler for itself (the package ships no .ts source, so the check tells them apart).
const source = join(__dirname, '..', 'harness', 'cli', 'main.ts');
if (existsSync(source)) {
  require('tsx/cjs');
  require(source).cli(process.argv.slice(2));
} else {
  require('../dist/harness/cli/main.js').cli(process.argv.slice(2));
}
