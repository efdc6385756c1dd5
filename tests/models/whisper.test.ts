import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whisperModelPath } from '../../electron/core/models/fixtures';
import { openWhisperContext } from '../../electron/core/speech/whisperEngine';
import {
  corpusWordErrorRate,
  wordErrorRate,
} from '../../electron/core/speech/wer';

type Binding = typeof import('@fugood/whisper.node');
type WhisperContext = Awaited<ReturnType<Binding['initWhisper']>>;

// Real Whisper weights (`npm run fixtures`, or HUSHNOTE_WHISPER_MODEL) on
// real recordings: proves the converted ggml file transcribes, not only loads.
const AUDIO = path.resolve('../shared/fixtures/audio');
const JFK_REFERENCE =
  'And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country.';

/**
 * Explicit: whisper.cpp's default (up to 8) oversubscribes a 2-core machine.
 * One thread keeps the test steady when other jobs share the cores.
 */
const THREADS = 1;

let context: WhisperContext;

beforeAll(async () => {
  context = await openWhisperContext(whisperModelPath());
});

afterAll(async () => {
  await context.release();
});

async function transcribe(file: string): Promise<string> {
  const job = context.transcribeFile(file, {
    language: 'en',
    maxThreads: THREADS,
    temperature: 0,
  });
  const result = await job.promise;
  return result.result;
}

/** LibriVox clips and their references: `text (clip-id)` per line. */
function librivoxClips(): { file: string; reference: string }[] {
  const dir = path.join(AUDIO, 'librivox');
  const lines = readFileSync(path.join(dir, 'transcription.txt'), 'utf8').split(
    '\n',
  );
  return lines
    .map((line) => /^(.*)\s+\(([^)]+)\)\s*$/.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, reference = '', id = '']) => ({
      file: path.join(dir, `${id}.wav`),
      reference,
    }));
}

describe('Whisper fixture on real speech', () => {
  it('transcribes jfk.wav within 15% word error rate', async ({ annotate }) => {
    const hypothesis = await transcribe(path.join(AUDIO, 'jfk.wav'));
    const { wer, referenceWords } = wordErrorRate(JFK_REFERENCE, hypothesis);
    await annotate(`jfk.wav WER ${(wer * 100).toFixed(1)}%`);

    expect(referenceWords).toBe(22);
    expect(wer).toBeLessThanOrEqual(0.15);
  });

  it('transcribes the LibriVox clips within 25% word error rate', async ({
    annotate,
  }) => {
    const clips = librivoxClips();
    expect(clips).toHaveLength(3);

    const pairs = [];
    for (const clip of clips) {
      pairs.push({
        reference: clip.reference,
        hypothesis: await transcribe(clip.file),
      });
    }
    const corpus = corpusWordErrorRate(pairs);
    await annotate(`LibriVox corpus WER ${(corpus.wer * 100).toFixed(1)}%`);

    expect(corpus.referenceWords).toBe(44);
    expect(corpus.wer).toBeLessThanOrEqual(0.25);
    // No single clip may be mostly wrong, even when the others are perfect.
    for (const pair of pairs) {
      expect(wordErrorRate(pair.reference, pair.hypothesis).wer).toBeLessThan(
        0.5,
      );
    }
  });
});
