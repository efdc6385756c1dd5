import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests beside their code, and integration tests
// (real models, real SQLite files, a real FHIR server) under tests/.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['electron/**/*.test.ts', 'renderer/src/**/*.test.{ts,tsx}'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          // *.pending.test.ts: acceptance checks not yet seen passing on this
          // machine; they run with `npm run test:pending`, each with its issue.
          exclude: ['tests/browser/**', 'tests/**/*.pending.test.ts'],
          environment: 'node',
          // Real models on two cores: these are correctness tests, not timing tests.
          testTimeout: 900_000,
          hookTimeout: 900_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'pending',
          include: ['tests/**/*.pending.test.ts'],
          environment: 'node',
          testTimeout: 3_600_000,
          hookTimeout: 900_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
