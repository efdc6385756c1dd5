import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointmentSchema } from '../../electron/core/domain/appointment';
import type { Draft } from '../../electron/core/drafting/types';
import { PassphraseKeyStore } from '../../electron/core/keys/passphraseKeyStore';
import { createSessionService } from '../../electron/core/services/sessionService';
import {
  openStoreHandle,
  type StoreHandle,
} from '../../electron/core/services/storeHandle';
import type { SessionService } from '../../electron/core/services/types';
import { DEMO_FLAC, fixtureEngines } from '../support/fixtureEngines';
import { testEngine } from '../drafting/llmEngine';

const appointment = appointmentSchema.parse(
  JSON.parse(
    readFileSync('resources/samples/cbt-phq9-demo.appointment.json', 'utf8'),
  ),
);
const clinician = {
  id: appointment.clinician.id,
  name: appointment.clinician.name,
};

function sectionIds(draft: Draft): string[] {
  return draft.sections.map((s) => s.id);
}

/** Root mean square of a 16-bit mono WAV's samples. */
function rms(wav: Buffer): number {
  let sum = 0;
  const count = (wav.length - 44) / 2;
  for (let at = 44; at < wav.length; at += 2)
    sum += (wav.readInt16LE(at) / 32768) ** 2;
  return Math.sqrt(sum / count);
}

describe('review: template switch, section redraft, evidence audio (issue #10)', () => {
  let dir: string;
  let store: StoreHandle;
  let service: SessionService;
  let sessionId: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hushnote-review-'));
    store = await openStoreHandle({
      dataDir: dir,
      keyStore: new PassphraseKeyStore(
        path.join(dir, 'keys.json'),
        'review passphrase',
        { N: 2 ** 12, r: 8, p: 1 },
      ),
    });
    service = createSessionService({
      store,
      engines: fixtureEngines(),
      actor: () => clinician.id,
    });
    const detail = await service.processRecording(appointment, DEMO_FLAC, {
      format: 'soap',
      engine: 'rules',
    });
    sessionId = detail.summary.id;
  });

  afterAll(async () => {
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('plays a sentence’s evidence from the spooled recording', () => {
    const draft = service.getSession(sessionId).note?.draft;
    const sentence = draft?.sections
      .flatMap((s) => s.sentences)
      .find((s) => 'segmentIds' in s.evidence);
    if (!sentence || !('segmentIds' in sentence.evidence))
      throw new Error('the draft has no sentence from speech');
    const { start, end } = sentence.evidence;

    const clip = service.evidenceAudio(sessionId, { start, end });
    expect(clip.start).toBeCloseTo(start, 3);
    expect(clip.end).toBeCloseTo(Math.min(end, start + 60), 1);
    expect(clip.wav.length).toBe(
      44 + 2 * Math.round((clip.end - clip.start) * 16000),
    );
    // Speech, not silence: the evidence lies where someone talks.
    expect(rms(clip.wav)).toBeGreaterThan(0.005);
  });

  it('switches the template as a new version, then redrafts one section', async () => {
    const birp = await service.redraftNote(
      sessionId,
      { format: 'birp', engine: 'rules' },
      clinician.id,
    );
    expect(birp.version).toBe(2);
    expect(birp.status).toBe('edited');
    expect(birp.draft.format).toBe('birp');
    // The note itself now says BIRP, not only its newest version.
    expect(store.repos.notes.forSession(sessionId)[0]?.template).toBe('birp');
    expect(sectionIds(birp.draft)).toEqual([
      'behavior',
      'intervention',
      'response',
      'risk',
      'plan',
    ]);

    // The clinician rewrites two sections; redrafting one keeps the other.
    const behavior = birp.draft.sections.find((s) => s.id === 'behavior');
    const edited: Draft = {
      ...birp.draft,
      sections: birp.draft.sections.map((s) =>
        s.id === 'behavior' || s.id === 'plan'
          ? { ...s, sentences: s.sentences.map((x) => ({ ...x, text: 'X.' })) }
          : s,
      ),
    };
    service.editNote(sessionId, edited, clinician.id);
    const redrafted = await service.redraftNote(
      sessionId,
      { format: 'birp', engine: 'rules', sectionId: 'behavior' },
      clinician.id,
    );
    expect(redrafted.version).toBe(4);
    const by = (id: string) =>
      redrafted.draft.sections.find((s) => s.id === id);
    expect(by('behavior')).toEqual(behavior);
    expect(by('plan')?.sentences.every((s) => s.text === 'X.')).toBe(true);
    expect(by('plan')?.sentences.length).toBeGreaterThan(0);
  });

  it('refuses a section of another template and a section that does not exist', async () => {
    await expect(
      service.redraftNote(
        sessionId,
        { format: 'soap', engine: 'rules', sectionId: 'plan' },
        clinician.id,
      ),
    ).rejects.toMatchObject({ kind: 'invalid_request' });
    await expect(
      service.redraftNote(
        sessionId,
        { format: 'birp', engine: 'rules', sectionId: 'objective' },
        clinician.id,
      ),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('keeps a signed note locked and its audio destroyed', async () => {
    service.signNote(sessionId, clinician);
    await expect(
      service.redraftNote(
        sessionId,
        { format: 'dap', engine: 'rules' },
        clinician.id,
      ),
    ).rejects.toMatchObject({ kind: 'note_locked' });
    expect(() =>
      service.evidenceAudio(sessionId, { start: 1, end: 2 }),
    ).toThrow(expect.objectContaining({ kind: 'not_found' }));
  });
});

describe('redrafting one section with the local model (issue #10)', () => {
  let dir: string;
  let service: SessionService;
  let llm: Awaited<ReturnType<typeof testEngine>> | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hushnote-review-llm-'));
    const store = await openStoreHandle({
      dataDir: dir,
      keyStore: new PassphraseKeyStore(
        path.join(dir, 'keys.json'),
        'review passphrase',
        { N: 2 ** 12, r: 8, p: 1 },
      ),
    });
    service = createSessionService({
      store,
      engines: {
        ...fixtureEngines(),
        llm: async () => (llm ??= await testEngine(4096)),
      },
      actor: () => clinician.id,
    });
  });

  afterAll(async () => {
    await llm?.dispose();
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('replaces only that section and records the model', async () => {
    const detail = await service.processRecording(appointment, DEMO_FLAC, {
      format: 'birp',
      engine: 'rules',
    });
    const before = detail.note?.draft;
    const redrafted = await service.redraftNote(
      detail.summary.id,
      { format: 'birp', engine: 'llm', sectionId: 'intervention' },
      clinician.id,
    );
    const after = redrafted.draft;
    expect(after.engine).toBe('llm');
    expect(after.model).toMatch(/\.gguf$/);
    expect(sectionIds(after)).toEqual(before && sectionIds(before));
    for (const section of after.sections) {
      if (section.id === 'intervention') continue;
      expect(section).toEqual(
        before?.sections.find((s) => s.id === section.id),
      );
    }
    const intervention = after.sections.find((s) => s.id === 'intervention');
    expect(intervention?.sentences.length).toBeGreaterThan(0);
  });
});
