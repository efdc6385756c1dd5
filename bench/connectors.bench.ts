// Measures the EHR delivery path on the demo session: building the
// transaction bundle, rendering the note PDF, validating every resource,
// and pushing to the local sandbox FHIR server (first push and a replay).
import { performance } from 'node:perf_hooks';
import { createConnector } from '../electron/core/connectors/createConnector';
import { pushSession } from '../electron/core/connectors/pushSession';
import { startSandboxFhirServer } from '../electron/core/connectors/sandbox/sandboxFhirServer';
import { buildSessionBundle } from '../electron/core/fhir/buildSessionBundle';
import { renderNotePdf } from '../electron/core/fhir/renderNotePdf';
import {
  bundleErrors,
  loadFhirDefinitions,
} from '../electron/core/fhir/validateFhir';
import { demoSession } from '../tests/connectors/demoSession';

const RUNS = 5;

async function time(label: string, fn: () => unknown): Promise<void> {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const median = ms[Math.floor(RUNS / 2)] ?? 0;
  process.stdout.write(
    `${label.padEnd(36)} median ${median.toFixed(1)} ms  (min ${(ms[0] ?? 0).toFixed(1)}, max ${(ms.at(-1) ?? 0).toFixed(1)}, n=${RUNS})\n`,
  );
}

const input = demoSession();
const t0 = performance.now();
loadFhirDefinitions();
process.stdout.write(
  `load FHIR definitions (once)             ${(performance.now() - t0).toFixed(0)} ms\n`,
);

const bundle = buildSessionBundle(input);
process.stdout.write(
  `bundle entries                          ${bundle.entry?.length ?? 0}\n`,
);
await time('buildSessionBundle', () => buildSessionBundle(input));
await time('renderNotePdf', () => renderNotePdf(input));
await time('validate every resource', () => bundleErrors(bundle));

const server = await startSandboxFhirServer();
const connector = createConnector({
  kind: 'fhir-r4',
  id: 'bench',
  name: 'Sandbox EHR',
  baseUrl: server.baseUrl,
  auth: { type: 'none' },
  recipient: { name: 'Sandbox EHR', class: 'treating-providers' },
});
let run = 0;
await time('pushSession, new session', () =>
  pushSession(connector, demoSession({ sessionId: `bench-${(run += 1)}` })),
);
await time('pushSession, replay (no change)', () =>
  pushSession(connector, demoSession({ sessionId: 'bench-1' })),
);
process.stdout.write(
  `sandbox DocumentReferences after runs   ${server.counts()['DocumentReference'] ?? 0}\n`,
);
await server.close();
