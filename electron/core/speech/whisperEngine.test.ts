import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  LOCAL_WHISPER_ADDON,
  toPcm16,
  whisperAddonPath,
} from './whisperEngine';

describe('whisperAddonPath', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('prefers the prebuilt package when told to', () => {
    vi.stubEnv('HUSHNOTE_WHISPER_ADDON', 'prebuilt');
    expect(whisperAddonPath()).toBeUndefined();
  });

  it('resolves an addon named in the environment', () => {
    vi.stubEnv('HUSHNOTE_WHISPER_ADDON', 'somewhere/whisper.node');
    expect(whisperAddonPath()).toBe(path.resolve('somewhere/whisper.node'));
  });

  it('lives under native/whisper/build in the package', () => {
    expect(
      LOCAL_WHISPER_ADDON.endsWith(
        path.join('native', 'whisper', 'build', 'whisper.node'),
      ),
    ).toBe(true);
  });
});

describe('toPcm16', () => {
  it('scales to 16-bit and clamps out-of-range samples', () => {
    const pcm = new Int16Array(toPcm16(new Float32Array([0, 0.5, -1, 2, -3])));
    expect(Array.from(pcm)).toEqual([0, 16384, -32767, 32767, -32767]);
  });
});
