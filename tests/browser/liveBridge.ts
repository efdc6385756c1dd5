// The screen-test bridge (as fakeBridge.ts) with a live transcript: a
// source that plays silence faster than real time, and the fixture's
// reference utterances standing in for the streaming pipeline, emitted
// as their audio passes (run through bin/run-ts.mjs by live*.spec.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createCore } from '../../electron/core/app/core';
import { registerLiveHandlers } from '../../electron/core/app/liveHandlers';
import { startBridge } from '../../electron/core/bridge/server';
import { CaptureController } from '../../electron/core/capture/captureController';
import { registerCaptureHandlers } from '../../electron/core/capture/captureHandlers';
import { memorySink } from '../../electron/core/capture/captureSink';
import { FakeAudioSource } from '../../electron/core/capture/fakeAudioSource';
import { LiveTranscript } from '../../electron/core/capture/liveTranscript';
import { ScriptedSegmentStream } from '../../electron/core/capture/scriptedSegmentStream';
import { appointmentSchema } from '../../electron/core/domain/appointment';
import { readTranscriptFile } from '../../electron/core/drafting/transcriptFile';
import { registerAppHandlers } from '../../electron/core/services/appHandlers';
import {
  registerSessionHandlers,
  startImport,
} from '../../electron/core/services/handlers';
import { fakeSessionService } from './fakeSessionService';

const REFERENCE = '../shared/fixtures/sessions/cbt-phq9-demo.json';
/** Seconds of audio per channel each tick: about 25x real time. */
const SECONDS_PER_TICK = 5;
const TICK_MS = 200;

/** Plays silence on both channels on a timer while started. */
class PlayingSource extends FakeAudioSource {
  private timer: NodeJS.Timeout | undefined;

  override async start(): Promise<void> {
    await super.start();
    const block = new Int16Array(SECONDS_PER_TICK * 16_000);
    this.timer = setInterval(() => {
      this.feed('mic', block);
      this.feed('system', block);
    }, TICK_MS);
  }

  override stop(): Promise<void> {
    clearInterval(this.timer);
    return super.stop();
  }
}

const sample = appointmentSchema.parse(
  JSON.parse(
    readFileSync('resources/samples/cbt-phq9-demo.appointment.json', 'utf8'),
  ),
);
const service = fakeSessionService(sample, REFERENCE);
const script = readTranscriptFile(REFERENCE).segments;

const core = createCore({ mode: 'bridge', version: '0.1.0' });
const jobs = registerSessionHandlers(core.registry, service, core.events);
const capture = new CaptureController({
  source: () => new PlayingSource(),
  sink: () => memorySink(),
  events: core.events,
  consentRequired: true,
  recordConsent: () => undefined,
  live: (sessionId) =>
    new LiveTranscript(sessionId, new ScriptedSegmentStream(script), {
      segment: (segment) => core.events.emit('segment', { sessionId, segment }),
      risk: (flag) => core.events.emit('risk', { sessionId, flag }),
    }),
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
registerAppHandlers(core.registry, {
  listAudit: () => [],
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
