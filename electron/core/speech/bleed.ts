import { ENERGY_FRAME, frameRms } from './energy';

/**
 * Echo/bleed suppression for the clinician's microphone. With laptop
 * speakers the client's voice (system audio) leaks into the mic some 20-30 dB
 * down; that copy must not become a second "clinician" line.
 *
 * Energy rule: a 32 ms mic frame is *bleed* when the system channel is
 * active there (or one frame either side, for echo delay) and the mic is
 * more than 10 dB quieter than it. Own speech over the client is louder in
 * the mic than that, so a clinician talking over the client is kept.
 */
const OWN_RATIO = 0.316; // -10 dB
/** About -50 dBFS: below this a frame is silence on either channel. */
const ACTIVE_RMS = 0.003;
/** Bleed runs at least this long split a region (0.32 s). */
const SPLIT_FRAMES = 10;
/** A piece needs this much own speech (0.26 s) to be worth transcribing. */
const MIN_OWN_FRAMES = 8;

export interface Span {
  start: number;
  end: number;
}

/**
 * Keeps the parts of one mic region that hold the clinician's own voice.
 * `mic` and `system` are the two channels' samples for the same span,
 * starting at `offsetSec`. Returns absolute spans (possibly none).
 */
export function ownSpeechSpans(
  mic: Float32Array,
  system: Float32Array,
  offsetSec: number,
): Span[] {
  const micLevels = frameRms(mic);
  const sysLevels = frameRms(system);
  const kinds = Array.from(micLevels, (level, f) =>
    frameKind(level, sysLevels, f),
  );
  const frameSec = ENERGY_FRAME / 16000;

  return splitAtBleed(kinds)
    .filter((piece) => countOwn(kinds, piece) >= MIN_OWN_FRAMES)
    .map((piece) => ({
      start: offsetSec + piece.start * frameSec,
      end: offsetSec + Math.min(mic.length / 16000, piece.end * frameSec),
    }));
}

type FrameKind = 'own' | 'bleed' | 'quiet';

function frameKind(micLevel: number, sys: Float32Array, f: number): FrameKind {
  const sysLevel = Math.max(sys[f - 1] ?? 0, sys[f] ?? 0, sys[f + 1] ?? 0);
  if (micLevel < ACTIVE_RMS) return 'quiet';
  if (sysLevel >= ACTIVE_RMS && micLevel < sysLevel * OWN_RATIO) return 'bleed';
  return 'own';
}

function splitAtBleed(kinds: FrameKind[]): Span[] {
  const pieces: Span[] = [];
  let start = 0;
  let f = 0;
  while (f < kinds.length) {
    if (kinds[f] !== 'bleed') {
      f++;
      continue;
    }
    let run = f;
    while (run < kinds.length && kinds[run] === 'bleed') run++;
    if (run - f >= SPLIT_FRAMES) {
      if (f > start) pieces.push({ start, end: f });
      start = run;
    }
    f = run;
  }
  if (kinds.length > start) pieces.push({ start, end: kinds.length + 1 });
  return pieces;
}

function countOwn(kinds: FrameKind[], piece: Span): number {
  let own = 0;
  for (let f = piece.start; f < Math.min(piece.end, kinds.length); f++)
    if (kinds[f] === 'own') own++;
  return own;
}

/**
 * Text backstop after recognition: a mic segment that overlaps a client
 * segment in time and repeats most of its words is an echo the energy rule
 * missed (loud speakers, a quiet client channel).
 */
export function isTextEcho(
  micText: string,
  mic: Span,
  client: readonly { text: string; start: number; end: number }[],
): boolean {
  return client.some((c) => {
    const overlap = Math.min(mic.end, c.end) - Math.max(mic.start, c.start);
    if (overlap <= 0 || overlap < 0.5 * (mic.end - mic.start)) return false;
    return wordContainment(micText, c.text) >= 0.6;
  });
}

/** Share of `a`'s words that also occur in `b` (bag of words). */
export function wordContainment(a: string, b: string): number {
  const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
  const pool = new Map<string, number>();
  for (const w of words(b)) pool.set(w, (pool.get(w) ?? 0) + 1);
  const mine = words(a);
  let shared = 0;
  for (const w of mine) {
    const left = pool.get(w) ?? 0;
    if (left > 0) {
      shared++;
      pool.set(w, left - 1);
    }
  }
  return mine.length ? shared / mine.length : 0;
}
