#!/usr/bin/env node
// `npm test`: the one local gate, equal to CI. Runs lint, both typechecks,
// the build, unit, integration and browser tests, then prints one summary
// line. Exits non-zero if any step fails.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });

const steps = [
  ['format', 'npx', ['prettier', '--check', '.']],
  ['lint', 'npx', ['eslint', '--max-warnings', '0', '.']],
  ['typecheck:node', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']],
  ['typecheck:web', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']],
  ['build', 'npx', ['electron-vite', 'build']],
  [
    'unit',
    'npx',
    [
      'vitest',
      'run',
      '--project',
      'unit',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=test-results/unit.json',
    ],
  ],
  [
    'integration',
    'npx',
    [
      'vitest',
      'run',
      '--project',
      'integration',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=test-results/integration.json',
    ],
  ],
  [
    'browser',
    'npx',
    ['playwright', 'test', '--reporter=list,json'],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/browser.json' },
  ],
];

const only = process.argv.slice(2);
const failed = [];
for (const [name, cmd, args, env] of steps) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stdout.write(`\n=== ${name}\n`);
  const result = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) failed.push(name);
}

let passed = 0;
let failedTests = 0;
let skipped = 0;
for (const file of ['unit', 'integration']) {
  const path = `test-results/${file}.json`;
  if (!existsSync(path)) continue;
  const report = JSON.parse(readFileSync(path, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failedTests += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
if (existsSync('test-results/browser.json')) {
  const stats =
    JSON.parse(readFileSync('test-results/browser.json', 'utf8')).stats ?? {};
  passed += stats.expected ?? 0;
  failedTests += (stats.unexpected ?? 0) + (stats.flaky ?? 0);
  skipped += stats.skipped ?? 0;
}

if (failed.length > 0)
  process.stdout.write(`\nfailed steps: ${failed.join(', ')}\n`);
process.stdout.write(
  `\ntests: ${passed} passed, ${failedTests} failed, ${skipped} skipped\n`,
);
process.exit(failed.length > 0 || failedTests > 0 ? 1 : 0);
