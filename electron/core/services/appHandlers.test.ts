import { describe, expect, it } from 'vitest';
import type { ModelStatus } from '../models/manager';
import { recommendModel } from './appHandlers';

function model(
  name: string,
  sizeBytes: number | null,
  multilingual = false,
): ModelStatus {
  return {
    name,
    file: `${name}.bin`,
    url: '',
    sizeBytes,
    sha256: null,
    licence: 'MIT',
    multilingual,
    path: '',
    installed: false,
  };
}

const models = [
  model('tiny.en', 77_704_715),
  model('base.en', 147_964_211),
  model('small.en', 487_614_201),
  model('large-v3-turbo', 1_624_555_275, true),
  model('unknown.en', null),
];

describe('model recommendation', () => {
  it('picks base.en on a 2-core laptop', () => {
    expect(recommendModel(models, { cores: 2, memoryGiB: 8 })).toBe('base.en');
  });

  it('picks small.en on an 8-core machine with 16 GiB', () => {
    expect(recommendModel(models, { cores: 8, memoryGiB: 16 })).toBe(
      'small.en',
    );
  });

  it('falls back to the first English model on a tiny machine', () => {
    expect(recommendModel(models, { cores: 1, memoryGiB: 0 })).toBe('tiny.en');
  });
});
