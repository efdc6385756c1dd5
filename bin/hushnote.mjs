#!/usr/bin/env node
// The `hushnote` command. The core is TypeScript run through tsx, so the CLI
// works right after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/core/cli/main.ts');
process.exitCode = await main(process.argv);
