import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installed package's root (where resources/ and out/ live). */
export const PACKAGE_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
);

export function resourcePath(...parts: string[]): string {
  return path.join(PACKAGE_ROOT, 'resources', ...parts);
}

/**
 * Where Hushnote keeps its data outside Electron (CLI, bridge, tests):
 * HUSHNOTE_DATA_DIR, else the XDG data home. The desktop app passes
 * Electron's userData folder instead.
 */
export function defaultDataDir(): string {
  const fromEnv = process.env['HUSHNOTE_DATA_DIR'];
  if (fromEnv) return path.resolve(fromEnv);
  const xdg =
    process.env['XDG_DATA_HOME'] ?? path.join(homedir(), '.local', 'share');
  return path.join(xdg, 'hushnote');
}

/** The model cache: HUSHNOTE_MODELS_DIR, else ~/.cache/hushnote/models. */
export function modelsDir(): string {
  const fromEnv = process.env['HUSHNOTE_MODELS_DIR'];
  if (fromEnv) return path.resolve(fromEnv);
  const xdg = process.env['XDG_CACHE_HOME'] ?? path.join(homedir(), '.cache');
  return path.join(xdg, 'hushnote', 'models');
}
