#!/usr/bin/env node
// Builds the whisper.cpp N-API addon for this machine's CPU, so speech
// recognition uses its SIMD units (AVX2/FMA/AVX-512 on x86, NEON on arm).
//
//   node native/whisper/build.mjs [--portable] [--force]
//
// The prebuilt @fugood/node-whisper-linux-x64 1.1.3 is compiled with no x86
// SIMD at all (its CMakeLists hands ggml the processor name "x64", which
// ggml's x86 detection does not match), which makes tiny.en about 2x slower
// than real time on a 2-core laptop. This script compiles the same addon
// source (@fugood/whisper.node's src/) against a complete whisper.cpp + ggml
// tree, and writes native/whisper/build/whisper.node; the speech engine loads
// that file when it exists and falls back to the prebuilt package otherwise.
//
// Sources, all from the npm registry (pinned in package.json):
//   - @fugood/whisper.node: the addon (src/*.cc), its CMakeLists.txt and
//     whisper.cpp 1.9.3-dev's src/, include/ and examples/ (the addon needs
//     this version's VAD-timeline API);
//   - nodejs-whisper: a complete whisper.cpp tree (ggml with its cmake/
//     helpers, which @fugood's package leaves out);
//   - node-addon-api: the C++ wrapper headers; Node's own headers come from
//     the running Node's include/ folder.
//
// --portable compiles for any x86-64 machine with AVX2 and FMA (what an
// installer ships) instead of -march=native. --force rebuilds even when the
// stamp says the sources and flags are unchanged.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT_DIR = path.join(HERE, 'build');
const OUTPUT = path.join(OUT_DIR, 'whisper.node');
const STAMP = path.join(OUT_DIR, 'whisper.node.stamp.json');
const require = createRequire(import.meta.url);

class BuildError extends Error {}

function packageDir(name) {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    throw new BuildError(
      `${name} is not installed; run npm install (it is a devDependency).`,
    );
  }
}

function packageVersion(dir) {
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))
    .version;
}

/** Node's C headers (node_api.h), from the running Node's install prefix. */
function nodeHeaders() {
  const dir = path.resolve(
    path.dirname(process.execPath),
    '..',
    'include',
    'node',
  );
  if (!existsSync(path.join(dir, 'node_api.h'))) {
    throw new BuildError(
      `Node's headers were not found at ${dir}; install Node with its headers (the Debian/NodeSource packages include them).`,
    );
  }
  return dir;
}

/** ggml's CMake names x86 "x86_64"/"AMD64"; Node calls it "x64". */
function cmakeProcessor() {
  switch (process.arch) {
    case 'x64':
      return 'x86_64';
    case 'arm64':
      return 'aarch64';
    default:
      return process.arch;
  }
}

function simdFlags(portable) {
  if (!portable) return ['-DGGML_NATIVE=ON'];
  if (process.arch !== 'x64') return ['-DGGML_NATIVE=OFF'];
  return [
    '-DGGML_NATIVE=OFF',
    '-DGGML_AVX=ON',
    '-DGGML_AVX2=ON',
    '-DGGML_FMA=ON',
    '-DGGML_F16C=ON',
    '-DGGML_BMI2=ON',
  ];
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) {
    throw new BuildError(
      `${command} could not be started (${result.error.message}); install cmake and a C++ compiler (scripts/setup.sh does).`,
    );
  }
  if (result.status !== 0) {
    const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n');
    throw new BuildError(
      `${command} ${args[0] ?? ''} failed:\n${tail.slice(-30).join('\n')}`,
    );
  }
}

/** Lays out one source tree: nodejs-whisper's, overlaid with @fugood's. */
function assembleSources(work, fugood, fullTree) {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(path.join(fugood, 'src'), path.join(work, 'src'), {
    recursive: true,
  });
  cpSync(path.join(fullTree), path.join(work, 'whisper.cpp'), {
    recursive: true,
  });
  for (const part of ['src', 'include', 'examples']) {
    cpSync(
      path.join(fugood, 'whisper.cpp', part),
      path.join(work, 'whisper.cpp', part),
      { recursive: true },
    );
  }
  // The published CMakeLists applies a patch that the package does not ship
  // (its whisper.cpp is already patched); drop that step.
  const cmakeLists = readFileSync(path.join(fugood, 'CMakeLists.txt'), 'utf8');
  const withoutPatch = cmakeLists.replace(
    /^execute_process\([\s\S]*?^endif\(\)\n/m,
    '',
  );
  if (withoutPatch === cmakeLists) {
    throw new BuildError(
      "@fugood/whisper.node's CMakeLists.txt changed shape; update native/whisper/build.mjs.",
    );
  }
  writeFileSync(path.join(work, 'CMakeLists.txt'), withoutPatch);
}

function main() {
  const args = new Set(process.argv.slice(2));
  const portable = args.has('--portable');
  const fugood = packageDir('@fugood/whisper.node');
  const nodejsWhisper = packageDir('nodejs-whisper');
  const addonApi = packageDir('node-addon-api');
  const fullTree = path.join(nodejsWhisper, 'cpp', 'whisper.cpp');
  const headers = nodeHeaders();

  const key = createHash('sha256')
    .update(
      JSON.stringify({
        fugood: packageVersion(fugood),
        nodejsWhisper: packageVersion(nodejsWhisper),
        addonApi: packageVersion(addonApi),
        node: process.versions.modules,
        arch: process.arch,
        portable,
        script: readFileSync(fileURLToPath(import.meta.url), 'utf8'),
      }),
    )
    .digest('hex');
  if (!args.has('--force') && existsSync(OUTPUT) && existsSync(STAMP)) {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
    if (stamp.key === key) {
      console.log(`whisper addon: up to date (${OUTPUT})`);
      return;
    }
  }

  const started = Date.now();
  const work = path.join(OUT_DIR, 'tree');
  const cmakeBuild = path.join(OUT_DIR, 'cmake');
  assembleSources(work, fugood, fullTree);
  rmSync(cmakeBuild, { recursive: true, force: true });
  run(
    'cmake',
    [
      '-S',
      work,
      '-B',
      cmakeBuild,
      '-DCMAKE_BUILD_TYPE=Release',
      `-DNODE_ARCH=${cmakeProcessor()}`,
      `-DCMAKE_JS_INC=${headers};${addonApi}`,
      '-DWHISPER_BUILD_TESTS=OFF',
      '-DWHISPER_BUILD_EXAMPLES=OFF',
      '-DGGML_OPENMP=OFF',
      ...simdFlags(portable),
    ],
    HERE,
  );
  run(
    'cmake',
    [
      '--build',
      cmakeBuild,
      '--target',
      'index',
      '-j',
      String(availableParallelism()),
    ],
    HERE,
  );
  cpSync(path.join(cmakeBuild, 'index.node'), OUTPUT);
  writeFileSync(STAMP, `${JSON.stringify({ key, portable }, null, 2)}\n`);
  rmSync(work, { recursive: true, force: true });
  rmSync(cmakeBuild, { recursive: true, force: true });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`whisper addon: built in ${seconds} s (${OUTPUT})`);
}

try {
  main();
} catch (error) {
  if (error instanceof BuildError) {
    console.error(`whisper addon: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
