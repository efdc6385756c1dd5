import { beforeEach, describe, expect, it } from 'vitest';
import type { ModelView } from '../../../electron/contract/contract';
import { CallError } from '../api/client';
import { FakeFailure, fakeClient } from '../api/fakeClient';
import { useSettings } from './settings';
import { CANCELLED_WORDS, downloadFraction, useModels } from './settingsModels';

const model = (name: string, installed: boolean): ModelView => ({
  name,
  file: `ggml-${name}.bin`,
  sizeBytes: 1000,
  installed,
  downloadable: true,
  path: `/models/ggml-${name}.bin`,
  licence: 'MIT',
  multilingual: false,
  recommended: false,
});

/** A deferred answer: the test decides when the download ends. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('model downloads store', () => {
  beforeEach(() => {
    useModels.setState({ downloads: {}, importing: undefined });
    useSettings.setState({ models: [model('tiny.en', false)] });
  });

  it('follows byte progress for its own job and lists the model installed', async () => {
    const fake = fakeClient();
    const ended = deferred<ModelView[]>();
    fake.answer('models:ensure', () => ended.promise);
    const running = useModels.getState().download(fake.client, 'tiny.en');

    fake.push('progress', {
      jobId: 'model:tiny.en',
      step: 'download',
      fraction: 0.25,
      receivedBytes: 250,
      totalBytes: 1000,
    });
    fake.push('progress', {
      jobId: 'model:base.en',
      step: 'download',
      fraction: 0.9,
      receivedBytes: 900,
      totalBytes: 1000,
    });
    const during = useModels.getState().downloads['tiny.en'];
    expect(during).toMatchObject({ state: 'downloading', receivedBytes: 250 });
    expect(during && downloadFraction(during)).toBe(0.25);

    ended.resolve([model('tiny.en', true)]);
    await running;
    expect(useModels.getState().downloads['tiny.en']?.state).toBe('done');
    expect(useSettings.getState().models[0]?.installed).toBe(true);

    // The subscription ended with the download.
    fake.push('progress', {
      jobId: 'model:tiny.en',
      step: 'download',
      fraction: 0.5,
      receivedBytes: 500,
      totalBytes: 1000,
    });
    expect(useModels.getState().downloads['tiny.en']?.receivedBytes).toBe(250);
  });

  it('cancels through models:cancel and says the part resumes', async () => {
    const fake = fakeClient();
    const ended = deferred<ModelView[]>();
    fake.answer('models:ensure', () => ended.promise);
    fake.answer('models:cancel', () => {
      // The core's reply to the running call, as the client throws it.
      ended.reject(
        new CallError({
          kind: 'cancelled',
          message: 'The download was cancelled.',
        }),
      );
      return { cancelled: true };
    });
    const running = useModels.getState().download(fake.client, 'tiny.en');
    await useModels.getState().cancel(fake.client, 'tiny.en');
    await running;

    expect(fake.calls.map((c) => c.channel)).toEqual([
      'models:ensure',
      'models:cancel',
    ]);
    expect(fake.calls[1]?.request).toEqual({ name: 'tiny.en' });
    expect(useModels.getState().downloads['tiny.en']).toMatchObject({
      state: 'cancelled',
      message: CANCELLED_WORDS,
    });
  });

  it('puts a failed download in words from its error kind', async () => {
    const fake = fakeClient();
    fake.answer('models:ensure', () => {
      throw new FakeFailure({
        kind: 'model_corrupt',
        message: 'The downloaded model failed its checksum and was discarded.',
      });
    });
    await useModels.getState().download(fake.client, 'tiny.en');
    const failed = useModels.getState().downloads['tiny.en'];
    expect(failed?.state).toBe('failed');
    expect(failed?.message).toMatch(/^A model file is damaged\./);
  });

  it('imports a file, reports the matched model and reloads the list', async () => {
    const fake = fakeClient();
    fake.answer('models:import', () => ({ matched: 'tiny.en', sha256: 'ab' }));
    fake.answer('models:list', () => [model('tiny.en', true)]);
    const file = new File([new Uint8Array([1, 2, 3])], 'ggml-tiny.en.bin');
    await useModels.getState().importFile(fake.client, file);

    expect(fake.calls[0]).toEqual({
      channel: 'models:import',
      request: { fileName: 'ggml-tiny.en.bin', base64: 'AQID' },
    });
    expect(useModels.getState().importing).toEqual({
      state: 'done',
      message: 'Installed as tiny.en (checksum matches).',
    });
    expect(useSettings.getState().models[0]?.installed).toBe(true);
  });

  it('shows a refused import in words', async () => {
    const fake = fakeClient();
    fake.answer('models:import', () => {
      throw new FakeFailure({
        kind: 'forbidden',
        message: 'Only an administrator can change practice settings.',
      });
    });
    const file = new File([new Uint8Array([1])], 'm.bin');
    await useModels.getState().importFile(fake.client, file);
    expect(useModels.getState().importing).toEqual({
      state: 'failed',
      message:
        'Your role does not allow this. Only an administrator can change practice settings.',
    });
  });
});
