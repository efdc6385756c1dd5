// The Settings screen's bridge (run through bin/run-ts.mjs by
// settings.spec.ts): the full app core on a fresh passphrase-keyed store,
// the in-process sandbox EHR, and a local stand-in for the model hub
// (unreachable here) serving small files pinned by sha256, plus one not
// pinned (import only). One is paced so its progress shows; another stops
// half-way until cancelled, then resumes in full.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAppCore } from '../../electron/core/app/appCore';
import { startBridge } from '../../electron/core/bridge/server';
import { PassphraseKeyStore } from '../../electron/core/keys/passphraseKeyStore';
import { fixtureEngines } from '../support/fixtureEngines';
import { modelBytes, startModelServer } from '../support/modelServer';
import { IMPORTED } from './settingsModelFile';

const dir = mkdtempSync(path.join(tmpdir(), 'hushnote-settings-browser-'));
process.env['HUSHNOTE_MODELS_DIR'] = path.join(dir, 'models');

const MB = 1_000_000;
const hub = await startModelServer(
  [
    { name: 'paced.test', bytes: modelBytes(2 * MB) },
    { name: 'halted.test', bytes: modelBytes(2 * MB), stallAt: MB },
    { name: 'imported.test', bytes: IMPORTED },
    { name: 'unpinned.test', bytes: modelBytes(MB), unpinned: true },
  ],
  40,
);
const core = await createAppCore({
  mode: 'bridge',
  version: '0.1.0',
  dataDir: dir,
  ehr: 'sandbox',
  keyStore: new PassphraseKeyStore(
    path.join(dir, 'keys.json'),
    'settings-browser-passphrase',
    { N: 2 ** 12, r: 8, p: 1 },
  ),
  engines: fixtureEngines(),
});
const bridge = await startBridge({
  core,
  port: 0,
  rendererDir: path.resolve('out/renderer'),
});
process.stdout.write(
  `listening on ${bridge.url}\ntoken: ${bridge.token}\nopen: ${bridge.url}#token=${bridge.token}\n`,
);
process.once('SIGTERM', () => {
  void (async () => {
    await bridge.close();
    await core.close();
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  })();
});
