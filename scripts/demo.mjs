#!/usr/bin/env node
// `npm run demo`: the main job on the bundled sample session, end to end,
// against an in-process sandbox EHR. It uses a throwaway data folder and a
// demo passphrase for the store key, so it never touches a real practice's
// data or keychain. Models come from `npm run fixtures` (run first).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const dataDir = mkdtempSync(path.join(tmpdir(), 'hushnote-demo-'));
const engine = process.env.HUSHNOTE_DEMO_ENGINE ?? 'llm';
const args = [
  'bin/hushnote.mjs',
  'process',
  'resources/samples/cbt-phq9-demo.flac',
  '--appointment',
  'resources/samples/cbt-phq9-demo.appointment.json',
  '--format',
  'soap',
  '--engine',
  engine,
  '--ehr',
  'sandbox',
  '--sign-as',
  'demo-clinician',
  '--data-dir',
  dataDir,
  '--summary',
];
process.stderr.write(`demo data folder: ${dataDir}\n`);
const result = spawnSync(process.execPath, args, {
  stdio: 'inherit',
  env: {
    ...process.env,
    HUSHNOTE_KEYSTORE: 'passphrase',
    HUSHNOTE_PASSPHRASE:
      process.env.HUSHNOTE_PASSPHRASE ?? 'hushnote-demo-only',
    HUSHNOTE_PROGRESS: '1',
  },
});
process.exit(result.status ?? 1);
