import { beforeEach, describe, expect, it } from 'vitest';
import { FakeFailure, fakeClient } from '../api/fakeClient';
import { useImport } from './importJob';

const file = () => new File([new Uint8Array([1, 2, 3])], 'visit.flac');
const request = { format: 'soap', engine: 'rules' } as const;

describe('import store', () => {
  beforeEach(() => useImport.setState({ job: undefined, early: {} }));

  it('uploads, follows progress and ends done', async () => {
    const fake = fakeClient();
    fake.answer('session:import', () => ({ jobId: 'j1', sessionId: 's1' }));
    await useImport.getState().importFile(fake.client, 's1', file(), request);

    const sent = fake.calls[0]?.request as { base64: string; fileName: string };
    expect(sent).toMatchObject({
      base64: 'AQID',
      fileName: 'visit.flac',
      format: 'soap',
    });

    useImport
      .getState()
      .onProgress({ jobId: 'j1', step: 'transcribe', fraction: 0.3 });
    useImport
      .getState()
      .onProgress({ jobId: 'other', step: 'draft', fraction: 0.9 });
    expect(useImport.getState().job).toMatchObject({
      state: 'running',
      step: 'transcribe',
      fraction: 0.3,
    });

    useImport.getState().onJob({ jobId: 'j1', sessionId: 's1', state: 'done' });
    expect(useImport.getState().job).toMatchObject({
      state: 'done',
      fraction: 1,
    });
  });

  it('cancels the running job and reports the failure words', async () => {
    const fake = fakeClient();
    fake.answer('session:import', () => ({ jobId: 'j2', sessionId: 's1' }));
    fake.answer('job:cancel', () => ({ cancelled: true }));
    await useImport.getState().importFile(fake.client, 's1', file(), request);
    await useImport.getState().cancel(fake.client);
    expect(fake.calls.at(-1)).toEqual({
      channel: 'job:cancel',
      request: { jobId: 'j2' },
    });

    useImport
      .getState()
      .onJob({ jobId: 'j2', sessionId: 's1', state: 'cancelled' });
    expect(useImport.getState().job?.state).toBe('cancelled');
  });

  it('keeps a job end that arrives before the upload reply', async () => {
    const fake = fakeClient();
    fake.answer('session:import', () => {
      useImport.getState().onJob({
        jobId: 'j3',
        sessionId: 's1',
        state: 'failed',
        error: { kind: 'audio_unreadable', message: '' },
      });
      return { jobId: 'j3', sessionId: 's1' };
    });
    await useImport.getState().importFile(fake.client, 's1', file(), request);
    expect(useImport.getState().job).toMatchObject({
      state: 'failed',
      error: 'That recording could not be read.',
    });
  });

  it('fails with plain words when the upload is refused', async () => {
    const fake = fakeClient();
    fake.answer('session:import', () => {
      throw new FakeFailure({
        kind: 'audio_empty',
        message: 'The file is empty.',
      });
    });
    await useImport.getState().importFile(fake.client, 's1', file(), request);
    expect(useImport.getState().job?.error).toBe(
      'That recording holds no audio. The file is empty.',
    );
  });
});
