// Starts the sandbox FHIR R4 server as its own process for the browser tests
// (run through bin/run-ts.mjs) and prints its base URL; SIGTERM stops it.
import { startSandboxFhirServer } from '../../electron/core/connectors/sandbox/sandboxFhirServer';

const server = await startSandboxFhirServer();
process.stdout.write(`sandbox: ${server.baseUrl}\n`);
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
