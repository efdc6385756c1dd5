// A browser bridge over the real core registry and handlers, with an
// in-memory session service (run through bin/run-ts.mjs). Screen tests use it
// to run in seconds without models; fullFlow.spec.ts uses the real service.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createCore } from '../../electron/core/app/core';
import { startBridge } from '../../electron/core/bridge/server';
import { appointmentSchema } from '../../electron/core/domain/appointment';
import { registerAppHandlers } from '../../electron/core/services/appHandlers';
import {
  registerSessionHandlers,
  startImport,
} from '../../electron/core/services/handlers';
import { CaptureController } from '../../electron/core/capture/captureController';
import { registerCaptureHandlers } from '../../electron/core/capture/captureHandlers';
import { memorySink } from '../../electron/core/capture/captureSink';
import { FakeAudioSource } from '../../electron/core/capture/fakeAudioSource';
import { registerLiveHandlers } from '../../electron/core/app/liveHandlers';
import { fakeSessionService } from './fakeSessionService';

const sample = appointmentSchema.parse(
  JSON.parse(
    readFileSync('resources/samples/cbt-phq9-demo.appointment.json', 'utf8'),
  ),
);
const service = fakeSessionService(
  sample,
  '../shared/fixtures/sessions/cbt-phq9-demo.json',
);

const core = createCore({ mode: 'bridge', version: '0.1.0' });
const jobs = registerSessionHandlers(core.registry, service, core.events);
const capture = new CaptureController({
  source: () => new FakeAudioSource(),
  sink: () => memorySink(),
  events: core.events,
  consentRequired: true,
  recordConsent: () => undefined,
  onSaved: (sessionId, file) =>
    startImport(jobs, service, sessionId, file, {
      format: 'soap',
      engine: 'rules',
      channels: ['mic', 'system'],
    }).jobId,
});
// No users here: every call may record (the app core checks ownership).
registerCaptureHandlers(core.registry, capture, {
  requireRecorder: () => undefined,
  maySee: () => true,
});
registerLiveHandlers(core.registry, service);
// Registered beside the session handlers by createAppCore, as here.
core.registry.register('session:billing', ({ sessionId }) =>
  service.getBilling(sessionId),
);
registerAppHandlers(core.registry, {
  listAudit: () => [
    {
      id: 1,
      at: new Date().toISOString(),
      actor: 'clin-1',
      action: 'create',
      objectType: 'session',
      objectId: 's1',
      detail: null,
      prevHash: '',
      hash: '',
    },
  ],
  ehrConnector: 'sandbox',
  consentRequired: true,
  retentionDays: 30,
  dataDir: '/tmp/hushnote-fake',
});
const bridge = await startBridge({
  core,
  port: 0,
  rendererDir: path.resolve('out/renderer'),
});
process.stdout.write(
  `listening on ${bridge.url}\ntoken: ${bridge.token}\nopen: ${bridge.url}#token=${bridge.token}\n`,
);
process.once('SIGTERM', () => void bridge.close().then(() => process.exit(0)));
