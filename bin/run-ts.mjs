#!/usr/bin/env node
// Runs one TypeScript file (benchmarks, scripts) through tsx.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const [file, ...rest] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: run-ts FILE [args]\n');
  process.exit(2);
}
process.argv = [process.argv[0] ?? 'node', file, ...rest];
await import(pathToFileURL(path.resolve(file)).href);
