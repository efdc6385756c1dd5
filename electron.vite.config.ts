import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Main and preload bundle the core; native modules stay external and are
// loaded from node_modules at run time.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: resolve(__dirname, 'electron/main/index.ts'),
        external: [
          'better-sqlite3-multiple-ciphers',
          'better-sqlite3',
          'keytar',
          'node-llama-cpp',
          'onnxruntime-node',
          '@fugood/whisper.node',
        ],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require('electron'): bundle zod in.
      externalizeDeps: false,
      rolldownOptions: {
        input: resolve(__dirname, 'electron/preload/index.ts'),
        // Sandboxed preloads cannot be ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rolldownOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
