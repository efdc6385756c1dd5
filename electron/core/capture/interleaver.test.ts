import { describe, expect, it } from 'vitest';
import { Interleaver } from './interleaver';
import { pcmSplitter } from './pulseAudioSource';

const pcm = (...v: number[]) => Int16Array.from(v);

describe('interleaver', () => {
  it('puts the microphone left and system audio right, frame by frame', () => {
    const joiner = new Interleaver(100);
    joiner.push('mic', pcm(1, 2, 3));
    joiner.push('system', pcm(-1, -2));
    expect([...joiner.take()]).toEqual([1, -1, 2, -2]);
    joiner.push('system', pcm(-3, -4));
    expect([...joiner.take()]).toEqual([3, -3]);
    expect([...joiner.drain()]).toEqual([0, -4]);
  });

  it('fills a restarting channel with silence beyond the allowed lag', () => {
    const joiner = new Interleaver(2);
    joiner.push('mic', pcm(1, 2, 3, 4, 5));
    const out = joiner.take();
    expect([...out]).toEqual([1, 0, 2, 0, 3, 0]);
    joiner.push('system', pcm(9, 9));
    expect([...joiner.take()]).toEqual([4, 9, 5, 9]);
  });
});

describe('pcm splitter', () => {
  it('carries an odd byte into the next read', () => {
    const got: number[] = [];
    const split = pcmSplitter((p) => got.push(...p));
    const bytes = Buffer.from(pcm(1000, -2000, 3).buffer);
    split(bytes.subarray(0, 3));
    split(bytes.subarray(3));
    expect(got).toEqual([1000, -2000, 3]);
  });
});
