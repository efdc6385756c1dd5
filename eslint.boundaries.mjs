// Process-boundary import rules, shared by eslint.config.mjs and the test that
// proves a violation fails the lint.
const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'net',
  'os',
  'path',
  'process',
  'stream',
  'tls',
  'url',
  'util',
  'worker_threads',
  'zlib',
];
const NATIVE_MODULES = [
  'better-sqlite3',
  'better-sqlite3-multiple-ciphers',
  'keytar',
  'node-llama-cpp',
  'onnxruntime-node',
  '@fugood/whisper.node',
  'ws',
  'pino',
];

export const boundaries = [
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message:
                'The renderer talks to main only through the contract client.',
            },
            ...NODE_BUILTINS.map((name) => ({
              name,
              message: 'The renderer runs in a browser sandbox.',
            })),
            ...NATIVE_MODULES.map((name) => ({
              name,
              message: 'Native modules belong to the core.',
            })),
          ],
          patterns: [
            {
              group: ['node:*'],
              message: 'The renderer runs in a browser sandbox.',
            },
            {
              group: [
                '**/electron/core/**',
                '**/electron/main/**',
                '**/electron/preload/**',
              ],
              message: 'Import the contract only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message:
                'The core runs in plain Node; wire Electron in electron/main.',
            },
          ],
          patterns: [
            {
              group: ['**/electron/main/**', '**/renderer/**'],
              message: 'The core depends on nothing above it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The contract is shared with the renderer.',
            },
            ...NODE_BUILTINS.map((name) => ({
              name,
              message: 'The contract is shared with the renderer.',
            })),
          ],
          patterns: [
            {
              group: ['node:*', '**/core/**', '**/main/**', '**/renderer/**'],
              message: 'The contract depends on zod only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**'],
              message: 'Main never imports the renderer.',
            },
          ],
        },
      ],
    },
  },
];
