import { describe, expect, it } from 'vitest';
import { isTextEcho, ownSpeechSpans, wordContainment } from './bleed';

const RATE = 16000;

/** A noise-like "voice" at a given level, seeded so tests are repeatable. */
function voice(seconds: number, level: number, seed = 1): Float32Array {
  const out = new Float32Array(Math.round(seconds * RATE));
  let x = seed;
  for (let i = 0; i < out.length; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out[i] = ((x / 2 ** 31) * 2 - 1) * level * Math.sqrt(3);
  }
  return out;
}

function scaled(signal: Float32Array, gain: number): Float32Array {
  return signal.map((s) => s * gain);
}

function mix(a: Float32Array, b: Float32Array): Float32Array {
  return a.map((s, i) => s + (b[i] ?? 0));
}

describe('ownSpeechSpans', () => {
  it('removes a mic region that is only the client at -24 dB', () => {
    const client = voice(3, 0.1);
    expect(ownSpeechSpans(scaled(client, 0.063), client, 10)).toEqual([]);
  });

  it('keeps the clinician talking over the client', () => {
    const client = voice(3, 0.1);
    const mic = mix(voice(3, 0.08, 7), scaled(client, 0.063));
    const spans = ownSpeechSpans(mic, client, 10);
    expect(spans).toHaveLength(1);
    expect(spans[0]!.start).toBeCloseTo(10, 1);
    expect(spans[0]!.end).toBeCloseTo(13, 1);
  });

  it('keeps own speech and cuts off the bleed that follows it', () => {
    const system = new Float32Array(4 * RATE);
    system.set(voice(2, 0.1), 2 * RATE);
    const mic = new Float32Array(4 * RATE);
    mic.set(voice(2, 0.08, 3), 0);
    mic.set(scaled(voice(2, 0.1), 0.063), 2 * RATE);
    const spans = ownSpeechSpans(mic, system, 0);
    expect(spans).toHaveLength(1);
    expect(spans[0]!.end).toBeLessThan(2.1);
  });

  it('keeps mic speech when the call audio is silent', () => {
    expect(
      ownSpeechSpans(voice(1, 0.02), new Float32Array(RATE), 0),
    ).toHaveLength(1);
  });
});

describe('isTextEcho', () => {
  const client = [
    { text: 'I have been feeling low all week', start: 5, end: 8 },
  ];

  it('flags an overlapping copy of client words', () => {
    expect(
      isTextEcho('been feeling low all week', { start: 5.2, end: 7.9 }, client),
    ).toBe(true);
  });

  it('keeps different words, or the same words at another time', () => {
    expect(
      isTextEcho('tell me more about that', { start: 5.2, end: 7.9 }, client),
    ).toBe(false);
    expect(
      isTextEcho('feeling low all week', { start: 20, end: 22 }, client),
    ).toBe(false);
  });

  it('measures word containment as a share of the first text', () => {
    expect(wordContainment('a b c d', 'a b x y')).toBe(0.5);
  });
});
